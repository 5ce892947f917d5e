import { expect, test, type Page } from '@playwright/test';
import { simUrl } from './ports';
import { expectSourced } from './helpers';

/**
 * Two tabs showing the same price share one engine (direct mode: the leading tab's worker, the
 * other following over BroadcastChannel; proxy mode: the proxy) and so one upstream request per
 * refresh: every answer either tab shows is one the simulator served once.
 */

interface SimStats {
  paths: Record<string, number>;
}

const stats = async (page: Page, sim: string): Promise<SimStats> => (await (await page.request.get(`${sim}/_sim/stats`)).json()) as SimStats;

/** When the answer on screen was fetched (the `datetime` of its age). */
const shownAt = (page: Page) => page.getByTestId('prices-source-age').getAttribute('datetime');

test('two tabs showing the same price cause one upstream request per refresh', async ({ browser }, info) => {
  test.setTimeout(120_000);
  const sim = simUrl(info.project.name);
  const context = await browser.newContext({ baseURL: info.project.use.baseURL });
  const a = await context.newPage();
  await a.goto('/');
  const provider = await expectSourced(a, 'prices');
  const b = await context.newPage();
  await b.goto('/');
  await expectSourced(b, 'prices');

  // Which simulator path is this provider's price request: the one a forced refresh adds.
  const before = await stats(a, sim);
  const shown = await shownAt(a);
  await a.getByTestId('prices-refresh').click();
  await expect.poll(() => shownAt(a)).not.toBe(shown);
  const after = await stats(a, sim);
  // The forced refresh may have been answered by another provider of the pool.
  const source = (await a.getByTestId('prices-source-provider').textContent()) ?? provider;
  const grown = Object.keys(after.paths).filter((k) => k.startsWith(`${source} `) && (after.paths[k] ?? 0) > (before.paths[k] ?? 0));
  expect(grown.length).toBeGreaterThan(0);
  const counted = () => stats(a, sim).then((s) => grown.reduce((n, k) => n + (s.paths[k] ?? 0), 0));
  // The other tab picks that answer up at its next poll, without asking upstream again.
  await expect.poll(async () => (await shownAt(b)) === (await shownAt(a)), { timeout: 20_000 }).toBe(true);
  const start = await counted();

  // Watch both tabs over two refresh periods (prices refresh every 15 s).
  const seen = new Set<string>();
  const perTab = [new Set<string>(), new Set<string>()];
  const sources = new Set<string>();
  const until = Date.now() + 35_000;
  while (Date.now() < until) {
    for (const [i, page] of [a, b].entries()) {
      const at = await shownAt(page);
      if (at) {
        seen.add(at);
        perTab[i]?.add(at);
      }
      const by = await page.getByTestId('prices-source-provider').textContent();
      if (by) sources.add(by.trim());
    }
    await a.waitForTimeout(250);
  }
  const requests = (await counted()) - start;
  const [inA = new Set<string>(), inB = new Set<string>()] = perTab;
  // Both tabs moved on to newer answers...
  expect(inA.size).toBeGreaterThan(1);
  expect(inB.size).toBeGreaterThan(1);
  // ...the same ones (tabs with engines of their own would each show their own fetches; one may
  // be caught mid-change at the end)...
  expect(seen.size).toBeLessThanOrEqual(Math.max(inA.size, inB.size) + 1);
  // ...and no more upstream requests than answers shown: one request per refresh, not one per
  // tab. (An answer may also come from another provider of the pool, which this count leaves out.)
  // Refreshes went upstream: to the first source, or (when the pool moved on) to another one.
  if (requests === 0) expect([...sources].some((s) => s !== source)).toBe(true);
  expect(requests).toBeLessThanOrEqual(seen.size);
  await context.close();
});
