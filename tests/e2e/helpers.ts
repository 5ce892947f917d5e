import { expect, type ConsoleMessage, type Page } from '@playwright/test';

/** Console errors and uncaught exceptions of a page (and its workers), to assert there are none. */
export function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    // The browser's own network line for a data request the proxy answered 404/503 (no provider
    // has it, or all failed): an answer the screen shows as its error state, not a fault of the app.
    if (/^Failed to load resource: the server responded with a status of (404|503)/.test(message.text()) && message.location().url.includes('/api/data/')) return;
    problems.push(`${message.type()}: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('worker', (worker) => worker.on('console', (message) => {
    if (message.type() === 'error') problems.push(`worker: ${message.text()}`);
  }));
  return problems;
}

/** A DataView (testid) that has an answer: its provider and age are shown. */
export async function expectSourced(page: Page, testid: string, timeout = 20_000): Promise<string> {
  const provider = page.getByTestId(`${testid}-source-provider`);
  await expect(provider).toHaveText(/^[a-z0-9-]+$/, { timeout });
  await expect(page.getByTestId(`${testid}-source-age`)).toHaveText(/ago|just now/);
  return (await provider.textContent()) ?? '';
}

/**
 * Clears the faults these providers were given. Only theirs: test files run side by side on one
 * simulator (two workers), and lifting every fault would undo another file's test mid-way.
 */
export async function clearFaults(page: Page, sim: string, providers: Iterable<string>): Promise<void> {
  for (const provider of providers) await page.request.delete(`${sim}/_sim/faults?provider=${encodeURIComponent(provider)}`);
}
