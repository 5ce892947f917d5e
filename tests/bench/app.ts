/**
 * The app as a person gets it, in headless Chromium (Debian's, /usr/bin/chromium) against a demo
 * (tests/sim/demo.ts: the upstream simulator plus the proxy serving build/, app in proxy mode)
 * that this bench starts on free loopback ports and stops by pid.
 *
 * - `app.initial_js_gzip_kb`: the JavaScript a first visit to `/` (empty cache) needs to show the
 *   Market screen with its first price, gzipped file by file (node:zlib, level 9) and summed.
 *   Counted: every `<link rel="modulepreload">` of index.html and every same-origin `.js` the page
 *   requested (Resource Timing) before the BTC price was on screen. Left out: the engine worker (its
 *   own thread, _app/immutable/workers/), chunks Vite built as lazy dynamic imports (Chart.js,
 *   workbox-window; from .svelte-kit/output/client/.vite/manifest.json when it matches build/) and
 *   the service worker's scripts (fetched by the browser, not the page). Both lists, with sizes,
 *   go to stderr. No same-run baseline fits; the line carries its target: <= 150.
 * - `app.first_price_ms`: navigation start to the BTC price on screen (`[data-testid=price-BTC]`
 *   holding a number and laid out, stamped at the next animation frame), from a warm cache: one
 *   visit installs the service worker and fills IndexedDB, then the median of several new
 *   navigations in the same context. Baseline: the same navigations' `load` event (the shell
 *   alone), so the ratio is what showing data costs over loading the page. Target: <= 500.
 * - `app.lighthouse.performance`, `.accessibility`, `.best_practices`: Lighthouse 12's scores
 *   (0-100) for `/` with Lighthouse's desktop config, on a fresh profile; `CM_BENCH_LIGHTHOUSE=mobile`
 *   uses its default mobile config instead (a phone screen, simulated slow 4G and a 4x CPU slowdown,
 *   which on these 2-core machines scores performance far lower: see the issue notes). Each figure
 *   is the median of CM_BENCH_LIGHTHOUSE_RUNS runs (default 3), every run on a fresh profile.
 *   Target: >= 90 each; under 90, the failing audits' titles go to stderr.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { line, type BenchLine } from './harness';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? process.env.CHROME_PATH ?? '/usr/bin/chromium';
/** As playwright.config.ts: without the background-networking flags Chromium floods the closed network. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** New navigations measured for the first price (after the warm-up visit). */
const FIRST_PRICE_RUNS = 9;

/** A bench line with its target, for figures that have no same-run baseline of their own. */
export type TargetLine = BenchLine & { readonly target: string };
const withTarget = (l: BenchLine, target: string): TargetLine => ({ ...l, target });

const note = (text: string) => process.stderr.write(`${text}\n`);

/** Builds the app when build/ has none (the proxy serves build/). */
export function ensureBuild(): void {
  if (existsSync(join(ROOT, 'build', 'index.html'))) return;
  note('app bench: build/ is missing, running vite build…');
  const viteBin = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [viteBin, 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status ?? r.signal})`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface Demo {
  /** The proxy serving the app, e.g. http://127.0.0.1:40123 */
  readonly url: string;
  readonly simUrl: string;
  stop(): Promise<void>;
}

/** Starts `tests/sim/demo.ts` (simulator + proxy serving build/) on free ports with a temp data folder. */
export async function startDemo(mode: 'proxy' | 'direct' = 'proxy'): Promise<Demo> {
  const [port, simPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(join(tmpdir(), 'cm-bench-app-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'tests/sim/demo.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SIM_PORT: String(simPort),
      CM_DATA_DIR: dataDir,
      CM_APP_MODE: mode,
      // Set, so the proxy does not generate one and print it.
      CM_ADMIN_TOKEN: randomBytes(24).toString('hex'),
    },
  });
  let output = '';
  const keep = (d: Buffer) => (output = (output + d.toString()).slice(-4_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));

  const stop = async () => {
    if (!gone) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${port}`;
  // The proxy rebuilds the app first when build/ is older than its sources (proxy/start.ts).
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (gone) {
      await stop();
      throw new Error(`the demo exited before it answered /health:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the demo did not answer /health within 240 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, simUrl: `http://127.0.0.1:${simPort}`, stop };
}

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

const kb = (bytes: number) => bytes / 1024;

/** Files Vite built as lazy chunks only (dynamic imports such as Chart.js and workbox-window), from the client build's manifest. */
function lazyChunks(): Set<string> | undefined {
  const file = join(ROOT, '.svelte-kit', 'output', 'client', '.vite', 'manifest.json');
  if (!existsSync(file)) return undefined;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { file: string; isEntry?: boolean; isDynamicEntry?: boolean }>;
  return new Set(Object.values(manifest).filter((c) => c.isDynamicEntry && !c.isEntry).map((c) => `/${c.file}`));
}

async function gzipKb(href: string): Promise<number> {
  const res = await fetch(href);
  if (!res.ok) throw new Error(`${href}: HTTP ${res.status}`);
  return kb(gzipSync(Buffer.from(await res.arrayBuffer()), { level: 9 }).length);
}

async function initialJsGzipKb(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  try {
    await context.addInitScript(STAMP_FIRST_PRICE);
    const page = await context.newPage();
    await page.goto(`${url}/`);
    await page.waitForFunction(() => (window as Stamped).__cmFirstPrice !== undefined, null, { timeout: 90_000 });
    const { firstPrice, resources } = await page.evaluate(() => ({
      firstPrice: (window as Stamped).__cmFirstPrice as number,
      resources: performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime })),
    }));
    const html = await (await fetch(`${url}/`)).text();
    const preloads = [...html.matchAll(/<link\s+href="([^"]+\.js)"\s+rel="modulepreload"/g)].map((m) => new URL(m[1] ?? '', `${url}/`).pathname);

    const path = (href: string) => new URL(href).pathname;
    const appJs = resources.filter((r) => new URL(r.name).origin === url && path(r.name).endsWith('.js'));
    const fetched = [...new Set([...preloads, ...appJs.filter((r) => r.start < firstPrice).map((r) => path(r.name))])];
    const lazy = lazyChunks();
    // A manifest from another build than the one served names none of these files: then count everything.
    const manifestFits = lazy !== undefined && fetched.some((p) => p.startsWith('/_app/immutable/entry/')) && [...lazy].every((p) => existsSync(join(ROOT, 'build', p)));
    const isWorker = (p: string) => p.startsWith('/_app/immutable/workers/');
    const isLazy = (p: string) => manifestFits && lazy.has(p);
    const included = fetched.filter((p) => !isWorker(p) && !isLazy(p));
    const left = [...new Set([...fetched, ...appJs.map((r) => path(r.name))])].filter((p) => !included.includes(p));

    let total = 0;
    const parts: string[] = [];
    for (const p of included) {
      const size = await gzipKb(`${url}${p}`);
      total += size;
      parts.push(`${p} ${size.toFixed(1)}`);
    }
    note(`app.initial_js_gzip_kb counts ${included.length} files (kB gzip): ${parts.join(', ')}`);
    if (!manifestFits) note('app.initial_js_gzip_kb: no Vite manifest matching build/, so lazy chunks could not be told apart and are counted');
    const leftParts: string[] = [];
    for (const p of left) leftParts.push(`${p} ${(await gzipKb(`${url}${p}`)).toFixed(1)}${isWorker(p) ? ' (worker)' : isLazy(p) ? ' (lazy)' : ' (after the first price)'}`);
    if (leftParts.length) note(`app.initial_js_gzip_kb leaves out: ${leftParts.join(', ')}`);
    return total;
  } finally {
    await context.close();
  }
}

type Stamped = Window & { __cmFirstPrice?: number };

/**
 * Stamps `window.__cmFirstPrice` (ms since navigation start) at the frame after the BTC price
 * appears. A string, not a function: tsx wraps named functions in a `__name` helper the page lacks.
 */
const STAMP_FIRST_PRICE = `(() => {
  let pending = false;
  const observer = new MutationObserver(() => {
    if (pending || window.__cmFirstPrice !== undefined) return;
    const el = document.querySelector('[data-testid="price-BTC"]');
    if (!el || !/\\d/.test(el.textContent || '') || el.getClientRects().length === 0) return;
    pending = true;
    observer.disconnect();
    requestAnimationFrame(() => { window.__cmFirstPrice = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

async function navigateAndStamp(page: Page, url: string, timeout = 30_000): Promise<{ price: number; load: number }> {
  await page.goto(`${url}/`, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as Stamped).__cmFirstPrice !== undefined, null, { timeout });
  return page.evaluate(() => ({
    price: (window as Stamped).__cmFirstPrice as number,
    load: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart,
  }));
}

async function firstPriceMs(browser: Browser, url: string): Promise<{ price: number; load: number }> {
  const context = await browser.newContext();
  try {
    await context.addInitScript(STAMP_FIRST_PRICE);
    const page = await context.newPage();
    // Warm-up: installs the service worker (precache), fills the HTTP cache and IndexedDB.
    await navigateAndStamp(page, url, 90_000);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    await navigateAndStamp(page, url);
    const prices: number[] = [];
    const loads: number[] = [];
    for (let i = 0; i < FIRST_PRICE_RUNS; i++) {
      const r = await navigateAndStamp(page, url);
      prices.push(r.price);
      loads.push(r.load);
    }
    note(`app.first_price_ms samples: ${prices.map((p) => p.toFixed(0)).join(' ')} (load: ${loads.map((p) => p.toFixed(0)).join(' ')})`);
    return { price: median(prices), load: median(loads) };
  } finally {
    await context.close();
  }
}

const CATEGORIES = [
  ['performance', 'app.lighthouse.performance'],
  ['accessibility', 'app.lighthouse.accessibility'],
  ['best-practices', 'app.lighthouse.best_practices'],
] as const;

/** The scripts that kept the main thread busiest, from the `bootup-time` audit. */
function bootup(lhr: { audits: Record<string, { details?: unknown } | undefined> }): string {
  const details = lhr.audits['bootup-time']?.details as { type?: string; items?: Array<Record<string, unknown>> } | undefined;
  if (details?.type !== 'table' || !details.items) return 'n/a';
  return details.items
    .slice(0, 4)
    .map((i) => `${String(i.url).replace(/^https?:\/\/[^/]+/, '')} ${Math.round(Number(i.total))} ms (script ${Math.round(Number(i.scripting))})`)
    .join(', ');
}

/**
 * Lighthouse runs per figure; each figure is their median. One run's performance score moves by
 * up to 20 points on these machines (Lighthouse's own guidance on variability: take the median of
 * several runs).
 */
const LIGHTHOUSE_RUNS = Math.max(1, Number(process.env.CM_BENCH_LIGHTHOUSE_RUNS ?? 3) || 3);

/** One Lighthouse run on a fresh Chromium profile: each category's score; failing audits go to stderr. */
async function lighthouseRun(url: string, run: number): Promise<Record<(typeof CATEGORIES)[number][0], number>> {
  const [{ default: lighthouse, desktopConfig }, chromeLauncher] = await Promise.all([import('lighthouse'), import('chrome-launcher')]);
  const desktop = process.env.CM_BENCH_LIGHTHOUSE !== 'mobile';
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
  try {
    const flags = { port: chrome.port, output: 'json' as const, logLevel: 'error' as const, onlyCategories: CATEGORIES.map(([id]) => id) };
    const result = await lighthouse(`${url}/`, flags, desktop ? desktopConfig : undefined);
    if (!result) throw new Error('Lighthouse returned no result');
    const { lhr } = result;
    if (lhr.runtimeError) throw new LighthouseRuntimeError(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    // How fast Lighthouse found this host: its mobile CPU throttling assumes a fast desktop, so a slow or busy host scores lower.
    note(`app.lighthouse run ${run}: ${desktop ? 'desktop (default)' : 'mobile'} config, host benchmarkIndex ${Math.round(lhr.environment.benchmarkIndex)}${lhr.runWarnings.length ? `; warnings: ${lhr.runWarnings.join(' | ')}` : ''}`);
    const scores = {} as Record<(typeof CATEGORIES)[number][0], number>;
    for (const [id, name] of CATEGORIES) {
      const category = lhr.categories[id];
      if (!category || category.score === null) throw new Error(`Lighthouse gave no ${id} score`);
      const score = Math.round(category.score * 100);
      if (score < 90) {
        const failing = category.auditRefs
          .filter((ref) => ref.weight > 0)
          .map((ref) => lhr.audits[ref.id])
          .filter((a) => a !== undefined && a.score !== null && a.score < 0.9)
          .map((a) => `${a?.title} (${Math.round((a?.score ?? 0) * 100)}${a?.displayValue ? `, ${a.displayValue}` : ''})`);
        note(`  ${name} = ${score}; failing audits: ${failing.join('; ') || 'none weighted'}`);
        if (id === 'performance') note(`  main-thread time by script: ${bootup(lhr)}`);
      }
      scores[id] = score;
    }
    return scores;
  } finally {
    chrome.kill();
  }
}

/** Lighthouse could not record the page load (its `runtimeError`, e.g. NO_NAVSTART): worth another try. */
class LighthouseRuntimeError extends Error {}

/** Tries of one run that Lighthouse itself failed to record, before the bench gives up. */
const LIGHTHOUSE_TRIES = 3;

/** One run, tried again (on a fresh profile) when Lighthouse failed to record it; the failures go to stderr. */
async function lighthouseRunWithRetry(url: string, run: number): Promise<Record<(typeof CATEGORIES)[number][0], number>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await lighthouseRun(url, run);
    } catch (e) {
      if (!(e instanceof LighthouseRuntimeError) || attempt >= LIGHTHOUSE_TRIES) throw e;
      note(`app.lighthouse run ${run}: ${e.message}; trying again (${attempt + 1} of ${LIGHTHOUSE_TRIES})`);
    }
  }
}

/** Each category's median score over LIGHTHOUSE_RUNS runs; every run's scores go to stderr. */
async function lighthouseScores(url: string): Promise<TargetLine[]> {
  const runs: Array<Record<(typeof CATEGORIES)[number][0], number>> = [];
  for (let run = 1; run <= LIGHTHOUSE_RUNS; run++) runs.push(await lighthouseRunWithRetry(url, run));
  return CATEGORIES.map(([id, name]) => {
    const scores = runs.map((r) => r[id]);
    note(`${name} runs: ${scores.join(' ')}`);
    return withTarget(line(name, median(scores), 'score'), '>= 90');
  });
}

export async function benchApp(): Promise<Array<BenchLine | TargetLine>> {
  ensureBuild();
  const demo = await startDemo('proxy');
  try {
    const browser = await launchChromium();
    let js: number;
    let first: { price: number; load: number };
    try {
      js = await initialJsGzipKb(browser, demo.url);
      first = await firstPriceMs(browser, demo.url);
    } finally {
      await browser.close();
    }
    const scores = await lighthouseScores(demo.url);
    return [
      withTarget(line('app.initial_js_gzip_kb', js, 'kB'), '<= 150'),
      withTarget(line('app.first_price_ms', first.price, 'ms', first.load), '<= 500'),
      ...scores,
    ];
  } finally {
    await demo.stop();
  }
}
