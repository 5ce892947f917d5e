import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { allProviders } from '../../shared/catalog/registry';
import { expectSourced } from './helpers';
import { simUrl } from './ports';
import { startStaticServer, type StaticServer } from './static-server';

/**
 * The PWA alone on a CDN: the built folder, copied as is (no rebuild) under a deep sub-path of a
 * plain static file server (no SPA rewrite, no proxy), with an app-config.json beside index.html
 * that puts it in direct mode against the project's simulator. Only providers that send CORS
 * headers can answer (there is no relay), which is what a static deployment gets. Runs in both
 * projects, each with its own copy and server.
 */

const PREFIX = '/cdn/a/b/';
const CORS = new Set(allProviders().filter((p) => p.cors).map((p) => p.id));

let folder: string;
let server: StaticServer;

test.beforeEach(async ({}, info) => {
  folder = mkdtempSync(join(tmpdir(), 'cm-cdn-'));
  cpSync('build', folder, { recursive: true });
  writeFileSync(join(folder, 'app-config.json'), JSON.stringify({ mode: 'direct', baseUrls: { '*': `${simUrl(info.project.name)}/{id}` } }));
  server = await startStaticServer(folder, PREFIX);
});

test.afterEach(async () => {
  await server.close();
  rmSync(folder, { recursive: true, force: true });
});

test('the built app works from a plain static server under a sub-path, deep links and service worker included', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const root = `${server.origin}${PREFIX}`;

  await page.goto(root);
  await expect(page.getByTestId('mode')).toHaveText('Direct mode', { timeout: 20_000 });
  // A price from the worker's engine, with its source: a provider a browser may call directly.
  const source = await expectSourced(page, 'prices', 30_000);
  expect(CORS.has(source), source).toBe(true);
  await expect(page.getByTestId('price-BTC')).toHaveText(/\d/);

  // The menu's links stay under the sub-path, and so does the router.
  await expect(page.getByTestId('nav-news')).toHaveAttribute('href', `${PREFIX}news`);
  await page.getByTestId('nav-news').click();
  await expect(page).toHaveURL(`${root}news`);
  await expect(page.getByTestId('screen-news')).toBeVisible();

  // A reload on the deep link: the static server has a real page for it (news.html).
  await page.reload();
  await expect(page.getByTestId('screen-news')).toBeVisible();
  await expect(page.getByTestId('mode')).toHaveText('Direct mode', { timeout: 20_000 });

  // The service worker and its scope are the sub-path's, and the manifest installs there too.
  const registration = await page.evaluate(() => navigator.serviceWorker.ready.then((r) => ({ scope: r.scope, script: r.active?.scriptURL ?? '' })));
  expect(registration).toEqual({ scope: root, script: `${root}sw.js` });
  const manifestHref = await page.locator('link[rel=manifest]').evaluate((l: HTMLLinkElement) => l.href);
  expect(manifestHref).toBe(`${root}manifest.webmanifest`);
  const manifest = (await (await page.request.get(manifestHref)).json()) as { start_url: string; scope: string; icons: { src: string }[] };
  expect(new URL(manifest.start_url, manifestHref).href).toBe(root);
  expect(new URL(manifest.scope, manifestHref).href).toBe(root);
  for (const icon of manifest.icons) expect((await page.request.get(new URL(icon.src, manifestHref).href)).status(), icon.src).toBe(200);

  // Nothing of the app was asked outside the sub-path, and nothing under it was missing. The only
  // requests elsewhere are the worker's relay of last resort (`<origin>/relay/<id>/…`, for providers
  // without CORS): a static host has no relay, answers 404, and the engine moves on to the next.
  expect(server.asked.filter((p) => !p.startsWith(PREFIX) && !p.startsWith('/relay/'))).toEqual([]);
  expect(server.missing.filter((p) => p.startsWith(PREFIX))).toEqual([]);
  expect(errors).toEqual([]);
});
