import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';

/**
 * The build as adapter-static writes it now: each screen its own page with relative paths (the
 * market screen is index.html) and 200.html, with absolute paths, for every other path. Each has
 * its own inline bootstrap script; the page CSP must allow both and nothing else inline.
 */
let built: string;
const SCREEN_SCRIPT = 'import("./_app/start.js")';
const FALLBACK_SCRIPT = 'import("/_app/start.js")';
const page = (script: string, title: string) => `<!doctype html><html><title>${title}</title><body><script>${script}</script></body></html>`;
const hash = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

beforeAll(() => {
	built = mkdtempSync(join(tmpdir(), 'cm-pages-'));
	writeFileSync(join(built, 'index.html'), page(SCREEN_SCRIPT, 'market'));
	writeFileSync(join(built, 'news.html'), page(SCREEN_SCRIPT, 'news'));
	writeFileSync(join(built, '200.html'), page(FALLBACK_SCRIPT, 'fallback'));
});
afterAll(() => rmSync(built, { recursive: true, force: true }));

const app = () => createApp({ startedAt: 0, version: '0.0.0', now: () => 5_000, staticRoot: built });

describe('the SPA pages and their fallback', () => {
	it('serves the market page at / and 200.html for any other path', async () => {
		expect(await (await app().request('/')).text()).toContain('<title>market</title>');
		const deep = await app().request('/status/provider/coingecko');
		expect(deep.status).toBe(200);
		expect(await deep.text()).toContain('<title>fallback</title>');
	});

	it('allows both bootstrap scripts by hash in the page CSP, and no unsafe-inline script', async () => {
		for (const path of ['/', '/news', '/status/pool/x']) {
			const csp = (await app().request(path)).headers.get('content-security-policy') ?? '';
			const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
			expect(scriptSrc, path).toContain(hash(SCREEN_SCRIPT));
			expect(scriptSrc, path).toContain(hash(FALLBACK_SCRIPT));
			expect(scriptSrc, path).not.toContain('unsafe-inline');
		}
	});
});
