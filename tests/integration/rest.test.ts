import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../shared/api/rest';
import { allProviders } from '../../shared/catalog/registry';
import { LOCAL_PROVIDERS } from '../../shared/sentiment';
import { MemoryStore, systemClock, type Engine, type Store } from '../../shared/engine';
import { appConfigFromEnv } from '../../proxy/routes/app-config';
import { createApp } from '../../proxy/app';
import { createProxyEngine } from '../../proxy/engine';
import { EventLog } from '../../proxy/routes/logs';
import { Logs, openDatabase, type StoreDb } from '../../proxy/store';
import { Hub } from '../../proxy/ws';
import { FakeConnection } from '../../proxy/ws/testing';
import { startSimulator, type Simulator } from '../sim/server';

/**
 * The proxy in-process (app.request, no socket) on a real engine over the whole catalog, every
 * provider pointed at the loopback simulator.
 */

const TOKEN = 'rest-test-admin-token';
const ADDRESS = '0x742d35Cc6634C0532925a3b844Bc454e4438f44e';
const auth = { Authorization: `Bearer ${TOKEN}` };
const jsonHeaders = { ...auth, 'Content-Type': 'application/json' };

let sim: Simulator;
let engine: Engine;
let store: Store;
let app: ReturnType<typeof createApp>;
let built: string;
let ws = 3;
let dataDir: string;
let db: StoreDb;
let hub: Hub;
let eventLog: EventLog;

beforeAll(async () => {
	sim = await startSimulator({ providers: allProviders() });
	store = new MemoryStore();
	engine = await createProxyEngine({ env: { CM_BASE_URLS: JSON.stringify({ '*': `${sim.url}/{id}` }) }, store });
	built = mkdtempSync(join(tmpdir(), 'cm-rest-'));
	writeFileSync(join(built, 'index.html'), '<!doctype html><html><head><script>console.log("boot")</script></head><body></body></html>');
	dataDir = mkdtempSync(join(tmpdir(), 'cm-rest-data-'));
	db = openDatabase({ dataDir });
	hub = new Hub({ clock: systemClock });
	eventLog = new EventLog(engine, new Logs(db)).start();
	app = createApp({ startedAt: Date.now() - 5_000, version: '9.9.9', engine, store, adminToken: TOKEN, staticRoot: built, wsSessions: () => ws, rateLimit: { perMinute: 100_000 }, db, eventLog, hub });
});

afterAll(async () => {
	eventLog.close();
	hub.close();
	db.close();
	rmSync(dataDir, { recursive: true, force: true });
	await engine.close();
	await sim.close();
	rmSync(built, { recursive: true, force: true });
});

async function get(path: string, init?: RequestInit): Promise<{ status: number; body: Record<string, unknown>; res: Response }> {
	const res = await app.request(path, init);
	const text = await res.text();
	const body = (res.headers.get('content-type') ?? '').includes('json') ? (JSON.parse(text) as Record<string, unknown>) : { text };
	return { status: res.status, body, res };
}

const post = (path: string, body: unknown, headers: Record<string, string> = jsonHeaders) => get(path, { method: 'POST', headers, body: JSON.stringify(body) });
const del = (path: string, headers: Record<string, string> = auth) => get(path, { method: 'DELETE', headers });

describe('meta: health, ready, openapi, docs, metrics', () => {
	it('serves the app config: empty by default, the environment\'s when set, and refuses bad values at start', async () => {
		expect((await get('/app-config.json')).body).toEqual({});
		const env = { CM_APP_MODE: 'direct', CM_APP_BASE_URLS: JSON.stringify({ '*': 'http://127.0.0.1:9/{id}' }) };
		const local = createApp({ startedAt: 0, version: '0', staticRoot: built, appConfig: appConfigFromEnv(env) });
		const res = await local.request('/app-config.json');
		expect(await res.json()).toEqual({ mode: 'direct', baseUrls: { '*': 'http://127.0.0.1:9/{id}' } });
		// The page may then call that mirror; other http origins stay refused.
		const page = await local.request('/');
		expect(page.headers.get('content-security-policy')).toContain("connect-src 'self' https: wss: http://127.0.0.1:9");
		expect(() => appConfigFromEnv({ CM_APP_MODE: 'sideways' })).toThrow(/CM_APP_MODE must be auto, direct or proxy/);
		expect(() => appConfigFromEnv({ CM_APP_BASE_URLS: '{nope' })).toThrow(/CM_APP_BASE_URLS/);
	});

	it('answers /health and /ready (engine built, store answering)', async () => {
		expect((await get('/health')).body).toMatchObject({ status: 'ok', version: '9.9.9' });
		const ready = await get('/ready');
		expect(ready.status).toBe(200);
		expect(ready.body).toEqual({ ready: true, checks: { engine: true, store: true } });
	});

	it('is not ready when the store stops answering', async () => {
		const hung: Store = { ...new MemoryStore(), get: () => Promise.reject(new Error('down')), set: async () => {}, delete: async () => {}, keys: async () => [] };
		const local = createApp({ startedAt: 0, version: '0', engine, store: hung, staticRoot: built });
		const res = await local.request('/ready');
		expect(res.status).toBe(503);
		expect(await res.json()).toEqual({ ready: false, checks: { engine: true, store: false } });
	});

	it('documents every mounted route in /openapi.json, and nothing else', async () => {
		const { status, body } = await get('/openapi.json');
		expect(status).toBe(200);
		expect(body.openapi).toBe('3.1.0');
		const documented = Object.entries(body.paths as Record<string, Record<string, unknown>>).flatMap(([p, ms]) => Object.keys(ms).map((m) => `${m.toUpperCase()} ${p}`));
		const mounted = app.routes
			.filter((r) => r.method !== 'ALL')
			.map((r) => `${r.method} ${r.path.replace(/:([A-Za-z]+)/g, '{$1}')}`);
		expect(new Set(documented)).toEqual(new Set(mounted));
		const createPool = (body.paths as Record<string, Record<string, { requestBody?: unknown; security?: unknown }>>)['/api/pools']?.post;
		expect(createPool?.requestBody).toBeDefined();
		expect(createPool?.security).toEqual([{ adminToken: [] }]);
	});

	it('serves /docs as a self-contained page listing the operations', async () => {
		const res = await app.request('/docs');
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('/api/pools/{id}/rotate');
		expect(html).not.toMatch(/<script|https?:\/\/(?!127)/);
		expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
	});

	it('exposes Prometheus metrics: requests by route, latency buckets, breakers, quota, cache, ws', async () => {
		await get('/api/providers/coingecko');
		const res = await app.request('/metrics');
		expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
		const text = await res.text();
		expect(text).toMatch(/cm_http_requests_total\{method="GET",route="\/api\/providers\/:id",status="200"\} \d+/);
		expect(text).toMatch(/cm_http_request_duration_seconds_bucket\{method="GET",route="\/api\/providers\/:id",le="0.005"\} \d+/);
		expect(text).toContain('cm_breaker_state{provider="coingecko"} 0');
		expect(text).toMatch(/cm_quota_remaining\{provider="coingecko",key="anonymous"\} \d+/);
		expect(text).toMatch(/cm_cache_hits_total \d+/);
		ws = 7;
		expect(await (await app.request('/metrics')).text()).toContain('cm_ws_sessions 7');
	});
});

describe('resources: real data with source and age', () => {
	it('price of one symbol', async () => {
		const { status, body } = await get('/api/resources/market/price/btc');
		expect(status).toBe(200);
		expect(body).toMatchObject({ data: { symbol: 'BTC', vs: 'USD' }, stale: false });
		expect((body.data as { price: number }).price).toBeGreaterThan(0);
		expect(typeof body.source).toBe('string');
		expect(body.ageMs).toBeGreaterThanOrEqual(0);
		expect(body.ts).toBeGreaterThan(0);
	});

	it('prices of several symbols, the second time from the cache', async () => {
		const first = await get('/api/resources/market/prices?symbols=BTC,ETH');
		expect(first.status).toBe(200);
		expect((first.body.data as { symbol: string }[]).map((q) => q.symbol)).toContain('BTC');
		const again = await get('/api/resources/market/prices?symbols=BTC,ETH');
		expect(again.body).toMatchObject({ cached: true, source: first.body.source });
	});

	it('latest news and news about a symbol', async () => {
		const latest = await get('/api/resources/news/latest?limit=5');
		expect(latest.status).toBe(200);
		expect((latest.body.data as unknown[]).length).toBeGreaterThan(0);
		expect((latest.body.data as { title: string }[])[0]?.title).toBeTruthy();
		const btc = await get('/api/resources/news/symbol/BTC');
		expect(btc.status).toBe(200);
		expect(typeof btc.body.source).toBe('string');
	});

	it('fear and greed', async () => {
		const { status, body } = await get('/api/resources/sentiment/fear-greed?limit=3');
		expect(status).toBe(200);
		const points = body.data as { value: number; label: string }[];
		expect(points[0]?.value).toBeGreaterThanOrEqual(0);
		expect(points[0]?.value).toBeLessThanOrEqual(100);
	});

	it('on-chain gas and balance', async () => {
		const gas = await get('/api/resources/onchain/gas?chain=ethereum');
		expect(gas.status).toBe(200);
		expect(gas.body.data).toMatchObject({ chain: 'ethereum', unit: 'gwei' });
		const balance = await get(`/api/resources/onchain/balance?chain=ethereum&address=${ADDRESS}`);
		expect(balance.status).toBe(200);
		expect(balance.body.data).toMatchObject({ chain: 'ethereum', address: ADDRESS });
	});

	it('on-chain transactions answer with data or a clear 4xx/503, never a 500', async () => {
		const { status, body } = await get(`/api/resources/onchain/transactions?chain=ethereum&address=${ADDRESS}`);
		expect([200, 404, 503]).toContain(status);
		if (status === 200) expect(Array.isArray(body.data)).toBe(true);
		else expect(typeof body.error).toBe('string');
	});

	it('the generic /api/data/{capability} still answers', async () => {
		const { status, body } = await get('/api/data/global');
		expect(status).toBe(200);
		expect(body).toHaveProperty('source');
	});
});

describe('status and stats reflect what the engine did', () => {
	it('/api/status counts providers and requests', async () => {
		const { status, body } = await get('/api/status');
		expect(status).toBe(200);
		expect(body).toMatchObject({ status: 'ok', version: '9.9.9' });
		expect(body.uptimeSeconds).toBeGreaterThanOrEqual(5);
		expect((body.providers as { total: number }).total).toBe(allProviders().length + LOCAL_PROVIDERS.length);
		expect((body.requests as { total: number }).total).toBeGreaterThan(0);
	});

	it('/api/stats and its JSON and CSV export', async () => {
		const stats = await get('/api/stats');
		expect((stats.body.byCapability as { capability: string }[]).map((x) => x.capability)).toContain('price');
		const json = await get('/api/stats/export');
		const rows = json.body.rows as { provider: string; capability: string; requests: number }[];
		expect(rows.some((r) => r.capability === 'price' && r.requests > 0)).toBe(true);
		const csv = await app.request('/api/stats/export?format=csv');
		expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
		const lines = (await csv.text()).trim().split('\n');
		expect(lines[0]).toBe('provider,capability,requests,successes,successRate,p50,p95,p99,ewma,state');
		expect(lines.length).toBe(rows.length + 1);
	});
});

describe('providers', () => {
	it('lists the catalog with live state and filters it', async () => {
		const all = await get('/api/providers');
		expect(all.body.total).toBe(allProviders().length + LOCAL_PROVIDERS.length);
		const cg = (all.body.providers as { id: string; state: string; available: boolean }[]).find((p) => p.id === 'coingecko');
		expect(cg).toMatchObject({ state: 'closed', available: true });
		const news = await get('/api/providers?capability=news');
		expect((news.body.providers as { capabilities: string[] }[]).every((p) => p.capabilities.includes('news'))).toBe(true);
		const cat = await get('/api/providers/category/exchange');
		expect(cat.body.total).toBeGreaterThan(0);
		expect((cat.body.providers as { category: string }[]).every((p) => p.category === 'exchange')).toBe(true);
	});

	it('shows one provider in detail and 404s an unknown one', async () => {
		const { status, body } = await get('/api/providers/coingecko');
		expect(status).toBe(200);
		expect(body).toMatchObject({ id: 'coingecko', breaker: { state: 'closed' } });
		expect((body.endpoints as { capability: string }[]).map((e) => e.capability)).toContain('price');
		expect((body.quota as { key: string }[])[0]?.key).toBe('anonymous');
		expect((await get('/api/providers/no-such-provider')).status).toBe(404);
	});

	it('health-check probes upstream, bypassing the cache', async () => {
		await get('/api/resources/market/price/BTC');
		sim.resetCounts();
		const { status, body } = await get('/api/providers/coingecko/health-check?capability=price');
		expect(status).toBe(200);
		expect(body).toMatchObject({ provider: 'coingecko', capability: 'price', ok: true, outcome: 'ok', state: 'closed' });
		expect(sim.requests('coingecko')).toBe(1);
		// The probe's one-member pool is gone afterwards.
		expect(((await get('/api/pools')).body.pools as { id: string }[]).some((p) => p.id.startsWith('probe--'))).toBe(false);
	});

	it('health-check reports a failing provider as not ok', async () => {
		sim.setFault('binance', { kind: 'server_error' });
		try {
			const { status, body } = await get('/api/providers/binance/health-check?capability=price');
			expect(status).toBe(200);
			expect(body).toMatchObject({ provider: 'binance', ok: false, outcome: 'http_5xx' });
		} finally {
			sim.clearFaults();
		}
	});

	it('breaker controls need the admin token: 401 without, 403 wrong, 200 right', async () => {
		expect((await get('/api/providers/kraken/breaker/open', { method: 'POST' })).status).toBe(401);
		expect((await get('/api/providers/kraken/breaker/open', { method: 'POST', headers: { Authorization: 'Bearer nope' } })).status).toBe(403);
		const opened = await get('/api/providers/kraken/breaker/open', { method: 'POST', headers: auth });
		expect(opened).toMatchObject({ status: 200, body: { provider: 'kraken', state: 'forced_open' } });
		expect(((await get('/api/hierarchy/circuit-breakers')).body.breakers as { provider: string; state: string }[]).find((b) => b.provider === 'kraken')?.state).toBe('forced_open');
		expect((await get('/api/providers/kraken/breaker/disable', { method: 'POST', headers: auth })).body).toMatchObject({ state: 'disabled' });
		expect((await get('/api/providers/kraken/breaker/enable', { method: 'POST', headers: auth })).body).toMatchObject({ state: 'closed' });
		expect((await get('/api/providers/kraken/breaker/open?capability=price', { method: 'POST', headers: auth })).body).toMatchObject({ capability: 'price', state: 'forced_open' });
		expect((await del('/api/providers/kraken/breaker?capability=price')).body).toMatchObject({ state: 'closed' });
		expect((await get('/api/providers/kraken/breaker/reset', { method: 'POST', headers: auth })).body).toMatchObject({ state: 'closed' });
	});
});

describe('pools', () => {
	it('lists the seed pools and shows one', async () => {
		const list = await get('/api/pools');
		const ids = (list.body.pools as { id: string }[]).map((p) => p.id);
		expect(ids).toContain('primary-market-data');
		const one = await get('/api/pools/primary-market-data');
		expect(one.body).toMatchObject({ id: 'primary-market-data', strategy: 'priority' });
		expect((one.body.members as { provider: string }[])[0]?.provider).toBe('coingecko');
		expect((await get('/api/pools/nope')).status).toBe(404);
	});

	it('creates, changes, rotates and deletes a pool behind the admin token', async () => {
		const pool = { id: 'test-prices', name: 'Test prices', capabilities: ['price'], strategy: 'priority', members: [{ provider: 'coingecko' }, { provider: 'binance' }] };
		expect((await post('/api/pools', pool, { 'Content-Type': 'application/json' })).status).toBe(401);
		expect((await post('/api/pools', pool, { 'Content-Type': 'application/json', Authorization: 'Bearer wrong' })).status).toBe(403);
		const created = await post('/api/pools', pool);
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ id: 'test-prices', members: [{ provider: 'coingecko' }, { provider: 'binance' }] });
		expect((await post('/api/pools', pool)).status).toBe(409);

		const added = await post('/api/pools/test-prices/members', { provider: 'kraken', priority: 5 });
		expect(added.status).toBe(201);
		expect((added.body.members as { provider: string }[]).map((m) => m.provider)).toEqual(['coingecko', 'binance', 'kraken']);
		expect((await post('/api/pools/test-prices/members', { provider: 'kraken' })).status).toBe(409);
		expect((await post('/api/pools/test-prices/members', { provider: 'no-such' })).status).toBe(404);

		// Nothing answered through the pool yet: nothing to rotate.
		expect((await post('/api/pools/test-prices/rotate', {})).status).toBe(409);
		const answer = await engine.get('price', { symbols: ['BTC'] }, { pool: 'test-prices', fresh: true });
		expect(answer.ok && answer.source).toBe('coingecko');
		const rotated = await post('/api/pools/test-prices/rotate', { capability: 'price' });
		expect(rotated.status).toBe(200);
		expect(rotated.body).toMatchObject({ pool: 'test-prices', capability: 'price', from: 'coingecko', to: 'binance', reason: 'manual' });
		const history = await get('/api/pools/history');
		expect((history.body.rotations as { pool: string }[])[0]).toMatchObject({ pool: 'test-prices', reason: 'manual' });

		const removed = await del('/api/pools/test-prices/members/kraken');
		expect(removed.status).toBe(200);
		expect((removed.body.members as { provider: string }[]).map((m) => m.provider)).toEqual(['coingecko', 'binance']);
		expect((await del('/api/pools/test-prices/members/kraken')).status).toBe(404);

		expect((await del('/api/pools/test-prices', {})).status).toBe(401);
		expect(await del('/api/pools/test-prices')).toMatchObject({ status: 200, body: { deleted: 'test-prices' } });
		expect((await get('/api/pools/test-prices')).status).toBe(404);
		expect((await del('/api/pools/test-prices')).status).toBe(404);
	});

	it('replaces a pool with PUT: strategy, weights and priorities change in place', async () => {
		const put = (body: unknown, id = 'edit-me', headers: Record<string, string> = jsonHeaders) => get(`/api/pools/${id}`, { method: 'PUT', headers, body: JSON.stringify(body) });
		const pool = { id: 'edit-me', name: 'Edit me', capabilities: ['price'], strategy: 'priority', members: [{ provider: 'coingecko' }, { provider: 'binance' }] };
		expect((await put(pool, 'edit-me', { 'Content-Type': 'application/json' })).status).toBe(401);
		expect((await put(pool)).status).toBe(201);
		const changed = await put({ ...pool, strategy: 'weighted', members: [{ provider: 'binance', weight: 3 }, { provider: 'kraken', weight: 1, priority: 2 }] });
		expect(changed.status).toBe(200);
		expect(changed.body).toMatchObject({ strategy: 'weighted', members: [{ provider: 'binance', weight: 3 }, { provider: 'kraken', weight: 1, priority: 2 }] });
		expect((await get('/api/pools/edit-me')).body).toMatchObject({ strategy: 'weighted' });
		// The body's id must be the path's; members must exist and be listed once; nothing changes on refusal.
		expect((await put(pool, 'other-id')).status).toBe(400);
		expect((await put({ ...pool, members: [{ provider: 'nobody' }] })).status).toBe(400);
		expect((await put({ ...pool, members: [{ provider: 'kraken' }, { provider: 'kraken' }] })).status).toBe(400);
		expect((await get('/api/pools/edit-me')).body).toMatchObject({ strategy: 'weighted' });
		expect((await put({ ...pool, id: 'default-price' }, 'default-price')).status).toBe(400);
		expect((await del('/api/pools/edit-me')).status).toBe(200);
	});

	it('refuses pools naming unknown providers and reserved ids', async () => {
		expect((await post('/api/pools', { id: 'x1', name: 'X', members: [{ provider: 'nobody' }] })).status).toBe(400);
		expect((await post('/api/pools', { id: 'default-price', name: 'X', members: [] })).status).toBe(400);
	});
});

describe('hierarchy and monitoring', () => {
	it('overview, usage, health and breakers', async () => {
		const overview = await get('/api/hierarchy/overview');
		expect((overview.body.tiers as { tier: string; total: number }[]).reduce((n, t) => n + t.total, 0)).toBe(allProviders().length + LOCAL_PROVIDERS.length);
		const usage = await get('/api/hierarchy/usage-stats');
		const cg = (usage.body.providers as { provider: string; requests: number }[]).find((p) => p.provider === 'coingecko');
		expect(cg?.requests).toBeGreaterThan(0);
		const health = await get('/api/hierarchy/health');
		expect((health.body.healthy as number) + (health.body.degraded as number) + (health.body.down as number)).toBe(allProviders().length + LOCAL_PROVIDERS.length);
		const breakers = await get('/api/hierarchy/circuit-breakers');
		expect((breakers.body.breakers as unknown[]).length).toBe(allProviders().length + LOCAL_PROVIDERS.length);
	});

	it('status, sources in detail and the recent request ring', async () => {
		const status = await get('/api/monitoring/status');
		expect(status.body).toMatchObject({ status: 'ok', wsSessions: ws });
		expect(status.body.recentRequests).toBeGreaterThan(0);
		const sources = await get('/api/monitoring/sources/detailed');
		expect((sources.body.sources as unknown[]).length).toBe(allProviders().length + LOCAL_PROVIDERS.length);
		const recent = await get('/api/monitoring/requests/recent?limit=2');
		const requests = recent.body.requests as { provider: string; capability: string; at: number }[];
		expect(requests).toHaveLength(2);
		expect(requests[0]?.at).toBeGreaterThanOrEqual(requests[1]?.at ?? 0);
	});
});

describe('diagnostics', () => {
	it('has no last run at first, runs behind the admin token, then shows the last run', async () => {
		const local = createApp({ startedAt: 0, version: '0', engine, store, adminToken: TOKEN, staticRoot: built });
		const none = await local.request('/api/diagnostics/last');
		expect(none.status).toBe(200);
		expect(await none.json()).toBeNull();
		expect((await local.request('/api/diagnostics/run', { method: 'POST' })).status).toBe(401);
		const run = await local.request('/api/diagnostics/run', { method: 'POST', headers: auth });
		expect(run.status).toBe(200);
		const report = (await run.json()) as { checks: { name: string; ok: boolean }[] };
		expect(report.checks.find((x) => x.name === 'store')).toMatchObject({ ok: true });
		expect(report.checks.find((x) => x.name === 'providers')).toMatchObject({ ok: true });
		expect(await (await local.request('/api/diagnostics/last')).json()).toEqual(report);
	});
});

describe('access: rate limits, CORS, security headers, body size', () => {
	it('limits each client per minute with 429 and Retry-After', async () => {
		let t = 1_000_000;
		const limited = createApp({ startedAt: 0, version: '0', engine, staticRoot: built, now: () => t, rateLimit: { perMinute: 3 } });
		for (let i = 0; i < 3; i++) expect((await limited.request('/api/status')).status).toBe(200);
		const refused = await limited.request('/api/status');
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
		expect(((await refused.json()) as { error: string }).error).toMatch(/too many requests/);
		t += 20_000; // one token back
		expect((await limited.request('/api/status')).status).toBe(200);
		// Liveness is never limited.
		expect((await limited.request('/health')).status).toBe(200);
	});

	it('lets any origin read, and no foreign origin mutate unless listed', async () => {
		const read = await app.request('/api/status', { headers: { Origin: 'https://elsewhere.example' } });
		expect(read.headers.get('access-control-allow-origin')).toBe('*');
		const preflight = await app.request('/api/pools', { method: 'OPTIONS', headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'POST' } });
		expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
		const listed = createApp({ startedAt: 0, version: '0', engine, staticRoot: built, corsOrigins: ['https://ops.example'] });
		const ok = await listed.request('/api/pools', { method: 'OPTIONS', headers: { Origin: 'https://ops.example', 'Access-Control-Request-Method': 'POST' } });
		expect(ok.headers.get('access-control-allow-origin')).toBe('https://ops.example');
	});

	it('sets security headers, with a CSP allowing only the page own inline script', async () => {
		const page = await app.request('/');
		const csp = page.headers.get('content-security-policy') ?? '';
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
		expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
		expect(page.headers.get('x-content-type-options')).toBe('nosniff');
		expect(page.headers.get('referrer-policy')).toBe('no-referrer');
		const api = await app.request('/api/status');
		expect(api.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
	});

	it('refuses bodies over 1 MB with 413', async () => {
		const big = JSON.stringify({ id: 'big', name: 'x'.repeat(1_100_000), members: [] });
		const res = await app.request('/api/pools', { method: 'POST', headers: jsonHeaders, body: big });
		expect(res.status).toBe(413);
		expect(((await res.json()) as { error: string }).error).toMatch(/too large/);
	});

	it('never returns a configured key anywhere in the provider views', async () => {
		const secret = 'sk-distinctive-secret-0123456789';
		const keyed = await createProxyEngine({ env: { CM_BASE_URLS: JSON.stringify({ '*': `${sim.url}/{id}` }), COINGECKO_API_KEY: secret, ETHERSCAN_API_KEY: secret } });
		const local = createApp({ startedAt: 0, version: '0', engine: keyed, staticRoot: built });
		for (const path of ['/api/providers', '/api/providers/coingecko', '/api/providers/etherscan', '/api/monitoring/sources/detailed', '/api/hierarchy/usage-stats', '/metrics', '/api/stats/export?format=csv']) {
			const text = await (await local.request(path)).text();
			expect(text, path).not.toContain(secret);
		}
		await keyed.close();
	});
});

describe('logs: engine events written in batches, queried, exported and cleared', () => {
	it('records breaker transitions and failed requests, and serves them filtered', async () => {
		expect((await del('/api/logs')).status).toBe(200);
		await get('/api/providers/bitstamp/breaker/open', { method: 'POST', headers: auth });
		await get('/api/providers/bitstamp/breaker/reset', { method: 'POST', headers: auth });
		sim.setFault('kraken', { kind: 'server_error' });
		try {
			expect((await get('/api/providers/kraken/health-check?capability=price')).body).toMatchObject({ ok: false });
		} finally {
			sim.clearFaults();
		}
		// Nothing is written until the next flush; a read flushes first.
		expect(eventLog.pending).toBeGreaterThan(0);
		const all = await get('/api/logs');
		expect(all.status).toBe(200);
		const logs = all.body.logs as { kind: string; provider: string | null; level: string; message: string; at: number }[];
		expect(logs.some((l) => l.kind === 'breaker' && l.provider === 'bitstamp' && /forced_open/.test(l.message))).toBe(true);
		expect(logs.some((l) => l.kind === 'request' && l.provider === 'kraken' && l.level === 'warn')).toBe(true);
		expect(logs[0]?.at).toBeGreaterThanOrEqual(logs[logs.length - 1]?.at ?? 0);

		const breakers = await get('/api/logs?kind=breaker&provider=bitstamp&limit=1');
		expect(breakers.body.logs).toHaveLength(1);
		expect((await get(`/api/logs?since=${Date.now() + 60_000}`)).body.total).toBe(0);
		expect((await get('/api/logs?level=error')).status).toBe(200);
		expect((await get('/api/logs?level=loud')).status).toBe(400);
		expect((await get('/api/logs/recent?limit=2')).body.logs).toHaveLength(2);
		const errors = await get('/api/logs/errors');
		expect((errors.body.logs as { level: string }[]).every((l) => l.level === 'error')).toBe(true);

		const stats = await get('/api/logs/stats');
		expect(stats.body).toMatchObject({ pending: 0 });
		expect((stats.body.byKind as Record<string, number>).breaker).toBeGreaterThanOrEqual(2);
		expect(stats.body.total).toBe(logs.length);
	});

	it('exports JSON and CSV as files, and DELETE needs the admin token', async () => {
		const json = await app.request('/api/logs/export/json?kind=breaker');
		expect(json.headers.get('content-disposition')).toMatch(/attachment; filename="crypto-monitor-logs-.*\.json"/);
		const rows = (await json.json()) as { kind: string }[];
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every((r) => r.kind === 'breaker')).toBe(true);
		const csv = await app.request('/api/logs/export/csv');
		expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
		expect((await csv.text()).split('\r\n')[0]).toBe('id,at,level,kind,provider,message,data');

		expect((await del('/api/logs', {})).status).toBe(401);
		expect((await del('/api/logs', { Authorization: 'Bearer nope' })).status).toBe(403);
		const cleared = await del('/api/logs');
		expect(cleared.status).toBe(200);
		expect(cleared.body.deleted).toBeGreaterThan(0);
		expect((await get('/api/logs/stats')).body.total).toBe(0);
	});

	it('batches writes: one flush writes everything pending, retention keeps the newest', () => {
		const logs = new Logs(db, { maxRows: 3 });
		const local = new EventLog(engine, logs, { redact: (t) => t.replaceAll('sekrit', '[redacted]') });
		for (let i = 0; i < 5; i++) local.push({ level: 'info', kind: 'alert', message: `n${i} sekrit`, data: { note: 'sekrit' } });
		expect(local.flush()).toBe(5);
		expect(local.flush()).toBe(0);
		const stored = logs.query({ kind: 'alert' });
		expect(stored.map((r) => r.message)).toContain('n4 [redacted]');
		expect(JSON.stringify(stored)).not.toContain('sekrit');
		local.retain();
		expect(logs.stats().total).toBe(3);
		logs.clear();
	});
});

describe('resources: catalog and user providers, import/export, backups', () => {
	const userProvider = { id: 'my-feed', name: 'My feed', category: 'market', baseUrl: 'https://feed.example.com/api', docs: 'https://feed.example.com/docs', capabilities: ['price'] };

	it('lists the catalog with the user providers, by category', async () => {
		const all = await get('/api/resources');
		expect(all.status).toBe(200);
		expect((all.body.catalog as unknown[]).length).toBe(allProviders().length + LOCAL_PROVIDERS.length);
		expect(all.body.user).toEqual([]);
		const exchanges = await get('/api/resources/category/exchange');
		expect((exchanges.body.catalog as { category: string }[]).every((p) => p.category === 'exchange')).toBe(true);
		expect((await get('/api/resources/category/nope')).status).toBe(400);
	});

	it('adds and deletes a user provider behind the admin token (stored, not live)', async () => {
		expect((await post('/api/resources/provider', userProvider, { 'Content-Type': 'application/json' })).status).toBe(401);
		const created = await post('/api/resources/provider', userProvider);
		expect(created).toMatchObject({ status: 201, body: { id: 'my-feed', live: false } });
		expect((await post('/api/resources/provider', userProvider)).status).toBe(409);
		expect((await post('/api/resources/provider', { ...userProvider, id: 'coingecko' })).status).toBe(409);
		expect((await post('/api/resources/provider', { ...userProvider, id: 'x2', baseUrl: 'http://feed.example.com' })).status).toBe(400);
		expect((await post('/api/resources/provider', { ...userProvider, id: 'x3', baseUrl: 'https://user:pw@feed.example.com' })).status).toBe(400);
		expect((await post('/api/resources/provider', { ...userProvider, id: 'x4', apiKey: 'k' })).status).toBe(400);
		const market = await get('/api/resources/category/market');
		expect((market.body.user as { id: string }[]).map((p) => p.id)).toEqual(['my-feed']);
		expect((await get('/api/resources/category/exchange')).body.user).toEqual([]);
		expect(await del('/api/resources/provider/my-feed')).toMatchObject({ status: 200, body: { deleted: 'my-feed' } });
		expect((await del('/api/resources/provider/my-feed')).status).toBe(404);
	});

	it('exports JSON and CSV, and imports all-or-nothing in merge and replace modes', async () => {
		expect((await post('/api/resources/provider', userProvider)).status).toBe(201);
		const exported = await app.request('/api/resources/export/json');
		expect(exported.headers.get('content-disposition')).toMatch(/attachment/);
		const doc = (await exported.json()) as { format: string; providers: { id: string }[]; pools: unknown[] };
		expect(doc.format).toBe('crypto-monitor/resources');
		expect(doc.providers.map((p) => p.id)).toEqual(['my-feed']);
		const csv = await (await app.request('/api/resources/export/csv')).text();
		expect(csv.split('\r\n')[0]).toBe('kind,id,json');
		expect(csv).toContain('provider,my-feed,');

		const pool = { id: 'imported-prices', name: 'Imported', capabilities: ['price'], strategy: 'priority', members: [{ provider: 'coinpaprika' }, { provider: 'coingecko' }] };
		// One bad row refuses the whole file: nothing changes.
		const bad = await post('/api/resources/import/json', { mode: 'replace', data: { providers: [], pools: [pool, { ...pool, id: 'bad', members: [{ provider: 'nobody' }] }] } });
		expect(bad.status).toBe(400);
		expect(bad.body.error).toMatch(/nothing was changed.*unknown provider 'nobody'/);
		expect(((await get('/api/resources')).body.user as { id: string }[]).map((p) => p.id)).toEqual(['my-feed']);

		const merged = await post('/api/resources/import/json', { mode: 'merge', data: { providers: [], pools: [pool] } });
		expect(merged).toMatchObject({ status: 200, body: { ok: true, mode: 'merge', providers: 0, pools: 1, appliedPools: 1 } });
		expect((await get('/api/pools/imported-prices')).body).toMatchObject({ id: 'imported-prices', members: [{ provider: 'coinpaprika' }, { provider: 'coingecko' }] });
		expect(((await get('/api/resources')).body.user as { id: string }[]).map((p) => p.id)).toEqual(['my-feed']);

		// The raw export document is accepted as the body too.
		const replaced = await post('/api/resources/import/json', { ...doc, mode: 'replace', providers: [] });
		expect(replaced).toMatchObject({ status: 200, body: { mode: 'replace', providers: 0, pools: 0 } });
		expect((await get('/api/resources')).body.user).toEqual([]);
		expect((await post('/api/resources/import/json', { mode: 'merge' })).status).toBe(400);
		expect((await post('/api/resources/import/json', { mode: 'overwrite', data: {} })).status).toBe(400);
		expect((await post('/api/resources/import/json', { data: { providers: [], pools: [], extra: 1 } })).status).toBe(400);
		await del('/api/pools/imported-prices');
	});

	it('backs up to a timestamped file, lists backups and restores one', async () => {
		expect((await post('/api/resources/backup', {}, { 'Content-Type': 'application/json' })).status).toBe(401);
		await post('/api/resources/provider', userProvider);
		const made = await get('/api/resources/backup', { method: 'POST', headers: auth });
		expect(made.status).toBe(201);
		const name = made.body.name as string;
		expect(name).toMatch(/^crypto-monitor-\d{8}-\d{6}(-\d+)?\.db$/);
		const list = await get('/api/resources/backups');
		expect((list.body.backups as { name: string }[]).map((b) => b.name)).toContain(name);

		await del('/api/resources/provider/my-feed');
		expect((await get('/api/resources')).body.user).toEqual([]);
		const restored = await get(`/api/resources/backups/${name}/restore`, { method: 'POST', headers: auth });
		expect(restored).toMatchObject({ status: 200, body: { restored: name } });
		expect(((await get('/api/resources')).body.user as { id: string }[]).map((p) => p.id)).toEqual(['my-feed']);
		expect((await get('/api/resources/backups/crypto-monitor-20000101-000000.db/restore', { method: 'POST', headers: auth })).status).toBe(404);
		expect((await get('/api/resources/backups/..%2fcrypto-monitor.db/restore', { method: 'POST', headers: auth })).status).toBe(400);
		// The logs keep working on the reopened database.
		expect((await get('/api/logs/stats')).status).toBe(200);
		await del('/api/resources/provider/my-feed');
	});

	it('answers 503 for what needs the database when there is none', async () => {
		const local = createApp({ startedAt: 0, version: '0', engine, adminToken: TOKEN, staticRoot: built });
		expect((await local.request('/api/resources')).status).toBe(200);
		for (const path of ['/api/logs', '/api/resources/export/json', '/api/resources/backups', '/api/sessions']) expect((await local.request(path)).status, path).toBe(503);
	});
});

describe('sessions and broadcast', () => {
	it('lists sessions and hub stats, and broadcasts to a group behind the admin token', async () => {
		const conn = new FakeConnection();
		const session = hub.connect(conn, { path: '/ws', userAgent: 'vitest', subscribe: ['news'] });
		try {
			const list = await get('/api/sessions');
			expect(list.body.total).toBe(1);
			expect((list.body.sessions as { id: string; groups: string[]; user_agent: string }[])[0]).toMatchObject({ id: session.id, groups: ['news'], user_agent: 'vitest' });
			const stats = await get('/api/sessions/stats');
			expect(stats.body).toMatchObject({ sessions: 1, groups: { news: 1 } });

			expect((await post('/api/broadcast', { group: 'news', data: 'x' }, { 'Content-Type': 'application/json' })).status).toBe(401);
			expect((await post('/api/broadcast', { group: 'weather', data: 'x' })).status).toBe(400);
			expect((await post('/api/broadcast', { group: 'news' })).status).toBe(400);
			expect((await post('/api/broadcast', { group: 'prices', data: { hello: 1 } })).body).toEqual({ delivered: 0 });
			expect((await post('/api/broadcast', { group: 'news', data: { hello: 1 } })).body).toEqual({ delivered: 1 });
			expect((await post('/api/broadcast', { group: 'all', data: 'to everyone' })).body).toEqual({ delivered: 1 });
			expect(conn.of('broadcast').map((m) => m.data)).toEqual([{ hello: 1 }, 'to everyone']);
		} finally {
			hub.disconnect(session);
		}
	});
});

it('every operation in the contract table has a unique method and path', () => {
	const keys = OPERATIONS.map((o) => `${o.method} ${o.path}`);
	expect(new Set(keys).size).toBe(keys.length);
});
