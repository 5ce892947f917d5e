import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hc } from 'hono/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type AppType } from './app';

let built: string;

beforeAll(() => {
	built = mkdtempSync(join(tmpdir(), 'cm-build-'));
	writeFileSync(join(built, 'index.html'), '<!doctype html><html lang="en"><title>Crypto Monitor</title></html>');
	mkdirSync(join(built, '_app', 'immutable'), { recursive: true });
	writeFileSync(join(built, '_app', 'immutable', 'app.abc123.js'), 'export {};');
});

afterAll(() => rmSync(built, { recursive: true, force: true }));

const appWith = (staticRoot: string) => createApp({ startedAt: 0, version: '0.0.0', now: () => 5_000, staticRoot });

describe('createApp', () => {
	it('mounts /health', async () => {
		const res = await appWith(built).request('/health');
		expect(await res.json()).toEqual({ status: 'ok', uptimeSeconds: 5, version: '0.0.0' });
	});

	it('gives a typed client the /health shape', async () => {
		const app = appWith(built);
		const client = hc<AppType>('http://proxy.test', {
			fetch: (input: RequestInfo | URL, init?: RequestInit) => app.fetch(new Request(input, init))
		});
		const res = await client.health.$get();
		const body = await res.json();
		// Typed end to end: a wrong field name here fails `npm run check`.
		expect(body.uptimeSeconds).toBe(5);
		expect(body.status).toBe('ok');
	});

	it('serves built files, hashed ones cached forever', async () => {
		const res = await appWith(built).request('/_app/immutable/app.abc123.js');
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toContain('immutable');
		expect(await res.text()).toBe('export {};');
	});

	it('answers deep links with index.html so the SPA can route them', async () => {
		const res = await appWith(built).request('/providers/coingecko');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^text\/html/);
		expect(res.headers.get('cache-control')).toBe('no-cache');
		expect(await res.text()).toContain('<title>Crypto Monitor</title>');
	});

	it('keeps missing build assets a 404 instead of answering HTML', async () => {
		const res = await appWith(built).request('/_app/immutable/gone.js');
		expect(res.status).toBe(404);
	});

	it('answers unknown /api paths with a JSON 404', async () => {
		const res = await appWith(built).request('/api/nothing-here');
		expect(res.status).toBe(404);
		expect(await res.json()).toEqual({ error: 'Not found: GET /api/nothing-here' });
	});

	it('answers other methods on unknown paths with a JSON 404', async () => {
		const res = await appWith(built).request('/anything', { method: 'POST' });
		expect(res.status).toBe(404);
		expect(await res.json()).toHaveProperty('error');
	});

	it('says how to build the app when build/ is missing', async () => {
		const res = await appWith(join(built, 'missing')).request('/');
		expect(res.status).toBe(503);
		expect(await res.text()).toContain('npm run build');
	});
});
