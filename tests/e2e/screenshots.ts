/**
 * `npm run screenshots`: every screen at desktop (1366x900) and phone (390x844) width, in English
 * and Persian (right to left), against a demo this script starts on free loopback ports (upstream
 * simulator + proxy serving build/, app in proxy mode), written to
 * docs/screenshots/<screen>-<desktop|phone>-<en|fa>.png. Each shot is the top of the page, at most
 * 1.5 screens tall, so the files stay small. Prints, per shot, what did not settle (a screen root
 * missing, data still loading) and any console errors, and exits 1 if any shot had them.
 *
 *   npm run screenshots                   # all screens
 *   npm run screenshots -- /providers /   # only these paths
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { ensureBuild, launchChromium, startDemo } from '../bench/app';

const SCREENS = [
  { path: '/', id: 'market' },
  { path: '/charts', id: 'charts' },
  { path: '/news', id: 'news' },
  { path: '/onchain', id: 'onchain' },
  { path: '/ai', id: 'ai' },
  { path: '/providers', id: 'providers' },
  { path: '/pools', id: 'pools' },
  { path: '/catalog', id: 'catalog' },
  { path: '/logs', id: 'logs' },
  { path: '/reports', id: 'reports' },
  { path: '/status', id: 'status' },
  { path: '/alerts', id: 'alerts' },
  { path: '/settings', id: 'settings' },
] as const;

const VIEWPORTS = {
  desktop: { width: 1366, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

const LOCALES = ['en', 'fa'] as const;
type Locale = (typeof LOCALES)[number];

/** Shots are cut at this many viewport heights. */
const MAX_SCREENS_TALL = 1.5;
const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/** Waits until the client has started (the layout's mode badge names a mode) and applied the saved settings. */
async function started(page: Page): Promise<void> {
  await page.waitForFunction(() => !/Starting|در حال آغاز/.test(document.querySelector('[data-testid=mode]')?.textContent ?? 'Starting'), null, { timeout: 30_000 });
}

/** Switches the app to `locale` with the layout's toggle (saved in settings), and checks it holds after a reload. */
async function useLocale(page: Page, url: string, locale: Locale): Promise<void> {
  await page.goto(`${url}/`);
  await started(page);
  const lang = () => page.locator('html').getAttribute('lang');
  for (let attempt = 0; attempt < 3; attempt++) {
    if ((await lang()) === locale) return;
    await page.getByTestId('locale-toggle').click();
    await page.waitForFunction((l) => document.documentElement.lang === l, locale, { timeout: 5_000 });
    // The worker saves the setting in IndexedDB; a reload must find it.
    await page.waitForTimeout(500);
    await page.reload();
    await started(page);
  }
  throw new Error(`could not switch the app to ${locale}`);
}

interface ShotReport {
  readonly file: string;
  readonly problems: string[];
}

async function shoot(page: Page, url: string, screen: (typeof SCREENS)[number], file: string, height: number): Promise<ShotReport> {
  const problems: string[] = [];
  const onConsole = (m: { type(): string; text(): string }) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text().slice(0, 200)}`);
  };
  const onError = (e: Error) => problems.push(`page error: ${e.message.slice(0, 200)}`);
  // The console's "Failed to load resource" does not say which: name the URL.
  const onResponse = (r: { status(): number; url(): string }) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url().replace(url, '')}`);
  };
  page.on('console', onConsole);
  page.on('pageerror', onError);
  page.on('response', onResponse);
  try {
    await page.goto(`${url}${screen.path}`);
    const root = page.getByTestId(`screen-${screen.id}`);
    try {
      await root.waitFor({ state: 'visible', timeout: 15_000 });
    } catch {
      problems.push(`no [data-testid=screen-${screen.id}]`);
    }
    // Data settled: no DataView still busy (skeletons), then the network quiet and charts drawn.
    try {
      await page.waitForFunction(() => document.querySelectorAll('main [aria-busy="true"]').length === 0, null, { timeout: 20_000 });
    } catch {
      problems.push(`still loading after 20 s: ${await page.locator('main [aria-busy="true"]').count()} busy`);
    }
    await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
    await page.waitForTimeout(1_200);
    const full = await page.evaluate(() => document.documentElement.scrollHeight);
    const width = page.viewportSize()?.width ?? 0;
    await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(full, height) } });
    return { file, problems };
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onError);
    page.off('response', onResponse);
  }
}

async function run(browser: Browser, url: string, only: ReadonlySet<string>): Promise<ShotReport[]> {
  const reports: ShotReport[] = [];
  for (const [kind, viewport] of Object.entries(VIEWPORTS)) {
    for (const locale of LOCALES) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1, isMobile: kind === 'phone', hasTouch: kind === 'phone' });
      try {
        const page = await context.newPage();
        await useLocale(page, url, locale);
        for (const screen of SCREENS) {
          if (only.size > 0 && !only.has(screen.path)) continue;
          const file = `${OUT}${screen.id}-${kind}-${locale}.png`;
          const report = await shoot(page, url, screen, file, Math.round(viewport.height * MAX_SCREENS_TALL));
          reports.push(report);
          process.stdout.write(`${report.problems.length ? 'WARN' : 'ok  '} ${file.slice(OUT.length)}${report.problems.length ? `: ${report.problems.join(' | ')}` : ''}\n`);
        }
      } finally {
        await context.close();
      }
    }
  }
  return reports;
}

ensureBuild();
mkdirSync(OUT, { recursive: true });
const only = new Set(process.argv.slice(2));
const demo = await startDemo('proxy');
let failed = false;
try {
  const browser = await launchChromium();
  try {
    const reports = await run(browser, demo.url, only);
    failed = reports.some((r) => r.problems.length > 0);
    process.stdout.write(`${reports.length} screenshots in docs/screenshots/${failed ? ', some with problems (above)' : ''}\n`);
  } finally {
    await browser.close();
  }
} finally {
  await demo.stop();
}
process.exit(failed ? 1 : 0);
