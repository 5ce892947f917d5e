import { expect, test } from '@playwright/test';
import { E2E, modeOf, simUrl } from './ports';
import { clearFaults, collectProblems, expectSourced } from './helpers';

/**
 * Every screen, in the mode of the project it runs in (proxy-mode: REST + WebSocket; direct-mode:
 * the worker's engine), against the loopback simulator: real simulated data with its source and
 * age, no console error.
 */

const DATA_SCREENS: { path: string; id: string; cards: string[] }[] = [
  { path: '/', id: 'market', cards: ['prices', 'markets', 'global', 'fear-greed', 'trending', 'tvl'] },
  { path: '/charts', id: 'charts', cards: ['ohlcv'] },
  { path: '/news', id: 'news', cards: ['news'] },
  { path: '/onchain', id: 'onchain', cards: ['gas'] },
];

const OPS_SCREENS: { path: string; id: string; rows: string }[] = [
  { path: '/providers', id: 'providers', rows: '[data-testid^="provider-state-"]' },
  { path: '/pools', id: 'pools', rows: '[data-testid^="pool-"]' },
  { path: '/catalog', id: 'catalog', rows: '[data-testid=catalog] tbody tr' },
  { path: '/reports', id: 'reports', rows: '[data-testid=coverage] tbody tr' },
];

/** Providers a test of this file gave a fault, cleared after it. */
const faulted = new Set<string>();
test.afterEach(async ({ page }, info) => {
  await clearFaults(page, simUrl(info.project.name), faulted);
  faulted.clear();
});

test('the app starts in the mode of its deployment', async ({ page }, info) => {
  await page.goto('/');
  // Direct mode builds the engine in the worker first.
  await expect(page.getByTestId('mode')).toHaveText(modeOf(info.project.name) === 'proxy' ? 'Proxy mode' : 'Direct mode', { timeout: 20_000 });
});

for (const screen of DATA_SCREENS) {
  test(`${screen.id}: real data with source and age, no console error`, async ({ page }) => {
    const problems = collectProblems(page);
    await page.goto(screen.path);
    await expect(page.getByTestId(`screen-${screen.id}`)).toBeVisible();
    await expect(page.locator('h1')).toHaveCount(1);
    for (const card of screen.cards) await expectSourced(page, card);
    expect(problems).toEqual([]);
  });
}

for (const screen of OPS_SCREENS) {
  test(`${screen.id}: engine state shown, no console error`, async ({ page }) => {
    const problems = collectProblems(page);
    await page.goto(screen.path);
    await expect(page.getByTestId(`screen-${screen.id}`)).toBeVisible();
    await expect(page.locator(screen.rows).first()).toBeVisible({ timeout: 20_000 });
    expect(problems).toEqual([]);
  });
}

for (const path of ['/ai', '/logs', '/settings']) {
  test(`${path} renders with no console error`, async ({ page }) => {
    const problems = collectProblems(page);
    await page.goto(path);
    await expect(page.locator('[data-testid^="screen-"]')).toBeVisible();
    await expect(page.locator('h1')).toHaveCount(1);
    expect(problems).toEqual([]);
  });
}

test('the AI screen scores a text with a sentiment model, with the key where the mode keeps keys', async ({ page }, info) => {
  test.setTimeout(90_000);
  if (modeOf(info.project.name) === 'direct') {
    // Direct mode: the key is entered in Settings and stays in this browser.
    await page.goto('/settings');
    await page.getByTestId('settings-key-name').fill('HUGGINGFACE_TOKEN');
    await page.getByTestId('settings-key-value').fill(E2E.fakeKey);
    await page.getByTestId('settings-key-add').click();
    await expect(page.getByTestId('settings-key-HUGGINGFACE_TOKEN')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText(E2E.fakeKey)).toHaveCount(0);
  }
  await page.goto('/ai');
  await expect(page.getByTestId('screen-ai')).toBeVisible();
  await expect(page.locator('[data-testid^="model-hf-"]').first()).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('sentiment-input').fill('I like you');
  await page.getByTestId('sentiment-submit').click();
  await expect(page.getByTestId('sentiment-label').first()).toHaveText(/positive|negative|neutral/i, { timeout: 30_000 });
  await expect(page.getByTestId('sentiment-row').first()).toContainText(/via hf-|huggingface/);
});

test('a failing provider leaves prices flowing from another, and Providers shows its breaker open', async ({ page }, info) => {
  test.setTimeout(120_000);
  const sim = simUrl(info.project.name);
  await page.goto('/');
  const first = await expectSourced(page, 'prices');
  faulted.add(first);
  const fault = await page.request.post(`${sim}/_sim/faults`, { data: { provider: first, kind: 'server_error' } });
  expect(fault.ok()).toBe(true);

  // Each refresh asks the failing provider first until its breaker opens (5 failures in a row),
  // and the answer comes from the next provider of the pool.
  await expect(async () => {
    await page.getByTestId('prices-refresh').click();
    await expect(page.getByTestId('prices-source-provider')).not.toHaveText(first, { timeout: 2_000 });
  }).toPass({ timeout: 60_000, intervals: [500] });
  await expect(page.getByTestId('price-BTC')).toBeVisible();
  await expect(page.getByTestId('prices-source-stale')).toHaveCount(0);

  // The pool now skips the failing provider, so its breaker sees no more calls from prices; the
  // Providers screen's health check asks it directly, and each failure counts until it opens.
  await page.getByTestId('nav-providers').click();
  await page.getByTestId(`provider-open-${first}`).click();
  await expect(async () => {
    await page.getByTestId('provider-health-check').click();
    await expect(page.getByTestId(`provider-state-${first}`)).toHaveText(/open/i, { timeout: 2_000 });
  }).toPass({ timeout: 60_000, intervals: [500] });
});

test('Persian switches the layout to right-to-left with Persian digits', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await page.getByTestId('locale-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fa');
  await expect(page.getByTestId('price-BTC')).toHaveText(/[۰-۹]/, { timeout: 20_000 });
  // The choice is kept: a reload stays in Persian.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByTestId('locale-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
});

test('deep links get the app and unknown API paths get a JSON 404', async ({ page, request }) => {
  await page.goto('/providers');
  await expect(page.getByTestId('screen-providers')).toBeVisible();
  const api = await request.get('/api/nope');
  expect(api.status()).toBe(404);
  expect(await api.json()).toMatchObject({ error: expect.stringContaining('Not found') });
});
