import { expect, test } from '@playwright/test';
import { collectProblems, expectSourced } from './helpers';

/**
 * The Status screens in both modes: after the Market screen has called providers, the index shows
 * the provider that answered with its 24 h uptime, and its page shows uptime bars, response time
 * and the incidents section; a pool page lists its members. The proxy also serves a page without
 * JavaScript at /status.html (both demos are served by a proxy).
 */

test('status index and a provider page show what the engine measured', async ({ page }) => {
  const problems = collectProblems(page);
  await page.goto('/');
  const source = await expectSourced(page, 'prices');
  // In-app navigation keeps the (direct mode) worker and its measurements.
  await page.getByTestId('nav-status').click();
  await expect(page.getByTestId('screen-status')).toBeVisible();
  await page.getByTestId('status-filter').fill(source);
  const row = page.getByTestId(`status-row-provider-${source}`);
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(row).toContainText('%');
  await row.getByRole('link').click();
  await expect(page.getByTestId('screen-status-provider')).toBeVisible();
  await expect(page.getByTestId('status-detail')).toHaveAttribute('data-kind', 'provider');
  await expect(page.getByTestId('uptime-24h-value')).toContainText('%');
  await expect(page.getByTestId('uptime-30d')).toBeVisible();
  await expect(page.getByTestId('uptime-1y')).toBeVisible();
  await expect(page.getByTestId('status-latency-chart')).toHaveAttribute('data-drawn', 'true', { timeout: 20_000 });
  await expect(page.getByTestId('status-incidents')).toBeVisible();
  expect(problems).toEqual([]);
});

test('a pool page lists its members and a deep link works', async ({ page }) => {
  const problems = collectProblems(page);
  await page.goto('/status/pool/primary-market-data');
  await expect(page.getByTestId('status-detail')).toHaveAttribute('data-kind', 'pool', { timeout: 20_000 });
  await expect(page.getByTestId('status-members').getByRole('link', { name: 'CoinGecko' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('an unknown provider shows an error state, not a blank page', async ({ page }) => {
  await page.goto('/status/provider/no-such-provider');
  await expect(page.getByTestId('status-detail-error')).toContainText('no-such-provider', { timeout: 20_000 });
});

test('the proxy serves a status page without JavaScript', async ({ page }) => {
  const res = await page.request.get('/status.html');
  expect(res.status()).toBe(200);
  const html = await res.text();
  expect(html).toContain('Crypto Monitor status');
  expect(html).not.toContain('<script');
});
