import { expect, test } from '@playwright/test';
import { collectProblems, expectSourced } from './helpers';

/**
 * The AI screen's ensemble in both modes: the demos set no Hugging Face token, so the offline
 * lexicon answers (in the proxy, or in the worker) and every text shows its label, agreement and
 * the lexicon's vote. The in-browser model stays off (turning it on would download from the hub).
 */
test('the ensemble scores texts with every available model and shows agreement and votes', async ({ page }, info) => {
  const problems = collectProblems(page);
  await page.goto('/ai');
  await expect(page.getByTestId('ensemble-idle')).toBeVisible();
  await page.getByTestId('ensemble-input').fill('Bitcoin ETF approval sends BTC to the moon\nBridge hacked in a $100M exploit');
  await page.getByTestId('ensemble-submit').click();
  await expectSourced(page, 'ensemble');
  const items = page.getByTestId('ensemble-item');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0).getByTestId('ensemble-label')).toContainText('Positive');
  await expect(items.nth(1).getByTestId('ensemble-label')).toContainText('Negative');
  await expect(items.nth(0).getByTestId('ensemble-agreement')).toContainText('1 of 1');
  await expect(items.nth(0).getByTestId('ensemble-vote')).toContainText('lexicon');

  const card = page.getByTestId('browser-model');
  if (info.project.name === 'direct-mode') await expect(card.getByTestId('browser-model-toggle')).not.toBeChecked();
  else await expect(card.getByTestId('browser-model-unavailable')).toContainText('direct mode');
  expect(problems).toEqual([]);
});
