import { expect, test, type ConsoleMessage } from '@playwright/test';

test('the home page loads and shows the proxy is ok, with no console errors', async ({ page }) => {
	const problems: string[] = [];
	page.on('console', (message: ConsoleMessage) => {
		if (message.type() === 'error') problems.push(message.text());
	});
	page.on('pageerror', (error) => problems.push(error.message));

	await page.goto('/');

	await expect(page).toHaveTitle('Crypto Monitor');
	await expect(page.getByRole('heading', { level: 1, name: 'Crypto Monitor' })).toBeVisible();
	await expect(page.getByTestId('proxy-status')).toHaveText('ok');
	await expect(page.getByTestId('proxy-uptime')).toHaveText(/^(\d+[dhm] )*\d+s$/);
	expect(problems).toEqual([]);
});

test('the page shows an error when the proxy health check fails', async ({ page }) => {
	await page.route('**/health', (route) => route.fulfill({ status: 503, body: 'down' }));

	await page.goto('/');

	await expect(page.getByTestId('proxy-error')).toHaveText('The proxy answered HTTP 503.');
});

test('deep links get the app and unknown API paths get a JSON 404', async ({ page, request }) => {
	const deepLink = await request.get('/some/deep/link');
	expect(deepLink.status()).toBe(200);
	expect(await deepLink.text()).toContain('<html lang="en">');

	const api = await request.get('/api/does-not-exist');
	expect(api.status()).toBe(404);
	expect(await api.json()).toEqual({ error: 'Not found: GET /api/does-not-exist' });

	await page.goto('/');
	await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /crypto/i);
});
