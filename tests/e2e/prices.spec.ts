import { expect, test, type ConsoleMessage, type Page } from '@playwright/test';

/** The upstream simulator the demo points every provider at (playwright.config.ts starts it on this port). */
const SIM_URL = `http://127.0.0.1:${Number(process.env.E2E_SIM_PORT ?? 4174)}`;

const AGE = /^updated \d+ (s|min) ago$/;

function collectProblems(page: Page): string[] {
	const problems: string[] = [];
	page.on('console', (message: ConsoleMessage) => {
		if (message.type() === 'error') problems.push(message.text());
	});
	page.on('pageerror', (error) => problems.push(error.message));
	return problems;
}

const usd = (price: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(price);

test.afterEach(async ({ request }) => {
	await request.delete(`${SIM_URL}/_sim/faults`);
});

test('the page shows the BTC price from the simulator, its source and its age, with no console errors', async ({ page, request }) => {
	const problems = collectProblems(page);
	// The same request the page makes: the proxy caches it for 15 s, so the page gets this very answer.
	const api = await request.get('/api/data/price?symbols=BTC,ETH');
	expect(api.status()).toBe(200);
	const answer = (await api.json()) as { source: string; data: { symbol: string; price: number }[] };
	const btc = answer.data.find((q) => q.symbol === 'BTC');
	expect(btc).toBeDefined();

	await page.goto('/');

	const prices = page.getByRole('table', { name: /Latest prices in USD/ });
	await expect(prices).toBeVisible();
	await expect(prices.getByRole('rowheader', { name: 'BTC' })).toBeVisible();
	await expect(page.getByTestId('price-BTC')).toHaveText(usd(btc?.price ?? 0));
	await expect(page.getByTestId('prices-source')).toHaveText(answer.source);
	await expect(page.getByTestId('prices-age')).toHaveText(AGE);
	await expect(page.getByTestId('prices-stale')).toHaveCount(0);
	await expect(page.getByTestId('prices-error')).toHaveCount(0);
	expect(problems).toEqual([]);
});

test('when the provider that answered fails, the price still shows, from another provider', async ({ page, request }) => {
	// The proxy keeps a price answer 15 s before it asks a provider again.
	test.setTimeout(90_000);
	const problems = collectProblems(page);
	await page.goto('/');
	await expect(page.getByTestId('price-BTC')).toHaveText(/^\$[\d,]+\.\d{2}$/);
	const first = (await page.getByTestId('prices-source').textContent()) ?? '';
	expect(first).toMatch(/^[a-z0-9-]+$/);

	const fault = await request.post(`${SIM_URL}/_sim/faults`, { data: { provider: first, kind: 'server_error' } });
	expect(fault.ok()).toBe(true);

	await expect(async () => {
		await page.getByRole('button', { name: 'Refresh prices' }).click();
		await expect(page.getByTestId('prices-source')).not.toHaveText(first, { timeout: 1_000 });
	}).toPass({ timeout: 60_000, intervals: [2_000] });

	await expect(page.getByTestId('price-BTC')).toHaveText(/^\$[\d,]+\.\d{2}$/);
	await expect(page.getByTestId('prices-source')).toHaveText(/^[a-z0-9-]+$/);
	await expect(page.getByTestId('prices-age')).toHaveText(AGE);
	await expect(page.getByTestId('prices-error')).toHaveCount(0);
	expect(problems).toEqual([]);

	const stats = (await (await request.get(`${SIM_URL}/_sim/stats`)).json()) as { faults: Record<string, unknown> };
	expect(Object.keys(stats.faults)).toEqual([first]);
});
