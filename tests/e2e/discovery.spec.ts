import { expect, test } from '@playwright/test';
import { collectProblems } from './helpers';

/**
 * The Reports screen's Discovery view: in proxy mode it shows the proxy's discovery state (no run
 * yet in a fresh demo, and a note that runs and accepting need the admin token); in direct mode it
 * says discovery runs on the proxy. Nothing is run here: the demo's sources name internet hosts.
 */

test('the discovery view shows its state for the mode', async ({ page }, info) => {
  const problems = collectProblems(page);
  await page.goto('/reports');
  const view = page.getByTestId('discovery');
  await expect(view).toBeVisible({ timeout: 20_000 });
  await expect(view.getByRole('heading', { name: 'Provider discovery' })).toBeVisible();
  if (info.project.name === 'direct-mode') {
    await expect(page.getByTestId('discovery-direct')).toContainText('Discovery runs on the proxy', { timeout: 20_000 });
    await expect(page.getByTestId('discovery-run')).toHaveCount(0);
  } else {
    await expect(page.getByTestId('discovery-no-token')).toBeVisible();
    await expect(page.getByTestId('discovery-run')).toBeDisabled();
    await expect(view).toContainText('Discovery has not run yet.', { timeout: 20_000 });
  }
  expect(problems).toEqual([]);
});
