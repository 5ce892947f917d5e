import { expect, test } from '@playwright/test';
import { collectProblems } from './helpers';

/** The Market screen's sentiment and price-consensus cards, in both modes, against the simulator. */

test('shows market sentiment with each part and its source, and a coin’s', async ({ page }) => {
  const problems = collectProblems(page);
  await page.goto('/');
  const card = page.getByTestId('card-sentiment');
  await expect(card.getByTestId('sentiment-part-fearGreed-source')).toContainText('alternative-me', { timeout: 20_000 });
  // Every part shows either its source or why it is missing: never a blank.
  for (const kind of ['fearGreed', 'news', 'social']) {
    const part = card.getByTestId(`sentiment-part-${kind}`);
    await expect(part).toBeVisible();
    await expect(part).toContainText(/Source|Unavailable/);
  }
  await expect(card.getByTestId('sentiment-source-age')).toHaveText(/ago|just now/);
  await card.getByTestId('sentiment-coin').selectOption('BTC');
  await expect(card).toContainText('mentioning BTC', { timeout: 20_000 });
  expect(problems).toEqual([]);
});

test('shows the price consensus with its spread and every quote', async ({ page }) => {
  const problems = collectProblems(page);
  await page.goto('/');
  const card = page.getByTestId('card-consensus');
  // Several providers at once; in direct mode the worker's engine is busy with the whole screen.
  await expect(card.getByTestId('consensus-median')).toHaveText(/\d/, { timeout: 45_000 });
  await expect(card.getByTestId('consensus-spread')).toHaveText(/%$/);
  await card.getByTestId('consensus-quotes').locator('summary').click();
  await expect(card.locator('[data-testid^="consensus-quote-"]').first()).toBeVisible();
  await expect(card.getByTestId('consensus-source-provider')).toContainText('consensus(');
  expect(problems).toEqual([]);
});
