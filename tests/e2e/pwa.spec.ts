import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

/**
 * The installable, offline-capable app: the generated service worker (vite.config.ts, registered
 * by app/lib/pwa.ts) serves the app shell offline and the page shows the last known prices from
 * IndexedDB, flagged stale with their age. With service workers blocked the same offline reload
 * fails, so it is the service worker that makes offline work. Runs in both projects.
 */

const PRICE = /\d/;

/** Waits until sw.js is active and controls the page (reloading once if the first visit is not claimed). */
async function waitForServiceWorker(page: Page): Promise<void> {
  const active = await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.active?.scriptURL ?? ''));
  expect(active).toMatch(/\/sw\.js$/);
  const controller = () => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '');
  try {
    // clientsClaim: the first visit is normally controlled as soon as the worker activates.
    await expect.poll(controller, { timeout: 5_000 }).toMatch(/\/sw\.js$/);
  } catch {
    await page.reload();
    await expect.poll(controller, { timeout: 10_000 }).toMatch(/\/sw\.js$/);
  }
}

/** Whether the worker has kept a last known `price` answer in IndexedDB (what an offline reload shows). */
function priceAnswerKept(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('crypto-monitor')) return false;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('crypto-monitor');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    try {
      if (!db.objectStoreNames.contains('answers')) return false;
      const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
        const req = db.transaction('answers').objectStore('answers').getAllKeys();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error('read failed'));
      });
      return keys.some((k) => typeof k === 'string' && k.startsWith('price:'));
    } finally {
      db.close();
    }
  });
}

/** Opens the Market screen online and waits for a live BTC price that is also kept for offline. */
async function openOnline(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('price-BTC')).toHaveText(PRICE, { timeout: 45_000 });
  await expect.poll(() => priceAnswerKept(page), { timeout: 15_000 }).toBe(true);
}

test.describe('offline', () => {
  test('after one visit, the app opens offline from the service worker and shows the last prices as stale, with their age', async ({ page, context }) => {
    // Installing the service worker and a first live answer come first; the machine may be busy.
    test.setTimeout(150_000);
    await page.goto('/');
    await waitForServiceWorker(page);
    await openOnline(page);

    const wentOffline = Date.now();
    await context.setOffline(true);
    const response = await page.reload();
    // The document came from the precache, not from the (unreachable) server.
    expect(response?.fromServiceWorker()).toBe(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);

    // Generous: the worker and its engine start again first, and CI machines are small and busy.
    await expect(page.getByTestId('price-BTC')).toHaveText(PRICE, { timeout: 45_000 });
    await expect(page.getByTestId('prices-source-stale')).toBeVisible({ timeout: 20_000 });
    // Its age is that of the answer fetched online, before the page went offline.
    const age = page.getByTestId('prices-source-age');
    await expect(age).toHaveText(/\S/);
    expect(Date.parse((await age.getAttribute('datetime')) ?? '')).toBeLessThanOrEqual(wentOffline);
    await expect(page.getByTestId('offline-banner')).toBeVisible();

    // A deep link the page never visited opens too: every navigation gets the precached shell.
    const deepLink = await page.goto('/providers');
    expect(deepLink?.fromServiceWorker()).toBe(true);
    await expect(page.getByTestId('screen-providers')).toBeVisible();
  });
});

test.describe('offline without the service worker', () => {
  test.use({ serviceWorkers: 'block' });

  test('the same offline reload fails', async ({ page, context }) => {
    test.setTimeout(120_000);
    await openOnline(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();

    await context.setOffline(true);
    await expect(page.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
    await expect(page.getByTestId('price-BTC')).toHaveCount(0);
  });
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(body: Buffer): string {
  expect(body.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(body.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return `${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`;
}

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

async function fetchManifest(request: APIRequestContext, baseURL: string): Promise<{ url: URL; manifest: Record<string, unknown> }> {
  const url = new URL('/manifest.webmanifest', baseURL);
  const res = await request.get(url.href);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toMatch(/^application\/manifest\+json/);
  return { url, manifest: (await res.json()) as Record<string, unknown> };
}

test.describe('installable', () => {
  test('the web manifest has the app fields and its icons load as PNGs of the stated sizes', async ({ request, baseURL }) => {
    const { url, manifest } = await fetchManifest(request, baseURL ?? '');
    expect(manifest).toMatchObject({
      name: 'Crypto Monitor',
      short_name: expect.any(String),
      description: expect.stringMatching(/crypto/i),
      start_url: './',
      scope: './',
      display: 'standalone',
      lang: 'en',
      theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
      background_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
    });
    const icons = manifest.icons as ManifestIcon[];
    expect(icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of icons) {
      const res = await request.get(new URL(icon.src, url).href);
      expect(res.status(), icon.src).toBe(200);
      expect(res.headers()['content-type']).toBe('image/png');
      expect(pngSize(await res.body())).toBe(icon.sizes);
    }
  });

  test('sw.js is served as JavaScript and revalidated on every load', async ({ request }) => {
    const res = await request.get('/sw.js');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers()['cache-control']).toBe('no-cache');
    // Its CSP lets it load its workbox runtime and the precached files from this origin.
    expect(res.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    const body = await res.text();
    expect(body).toContain('precacheAndRoute');
    // The engine worker is precached, so direct mode starts offline too; app-config.json is not.
    expect(body).toMatch(/_app\/immutable\/workers\/engine\.worker-[\w-]+\.js/);
    expect(body).not.toContain('url:"app-config.json"');
  });

  test('Chromium finds no installability errors once the service worker controls the page', async ({ playwright, launchOptions, baseURL }) => {
    test.setTimeout(120_000);
    // Not in Playwright's usual context: Chromium reports every incognito-like context as not installable.
    const profile = mkdtempSync(join(tmpdir(), 'cm-e2e-install-'));
    const context = await playwright.chromium.launchPersistentContext(profile, { ...launchOptions, ...(baseURL ? { baseURL } : {}) });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto('/');
      await waitForServiceWorker(page);
      const cdp = await context.newCDPSession(page);
      const manifest = await cdp.send('Page.getAppManifest');
      expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
      expect(manifest.errors).toEqual([]);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      expect(installabilityErrors).toEqual([]);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
