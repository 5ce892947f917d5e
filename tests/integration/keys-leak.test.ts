import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { OPERATIONS } from '../../shared/api/rest';
import { GROUPS } from '../../shared/api/ws';
import { allProviders } from '../../shared/catalog/registry';
import { CATEGORIES } from '../../shared/engine';
import { CAPABILITY_IDS, type Capability } from '../../shared/model';
import type { RunningServer } from '../../proxy/server';
import { startProxyOnSim } from '../sim/proxy';
import { startSimulator, type Simulator } from '../sim/server';

/**
 * Every provider's key env name gets two distinctive fake keys (`NAME` and `NAME_1`); the proxy
 * runs for real (startServer, SQLite in a temp CM_DATA_DIR, WebSocket attached) with every provider
 * pointed at the simulator. Then every route of the contract is driven, a WebSocket session takes
 * every group, faults make errors, logs and resources are exported, a backup is written and
 * restored. Every byte that came out (status lines, headers, bodies, WS frames, console output and
 * every file under the data dir, SQLite included) is searched for the keys.
 */

const MARK = 'LEAKKEY';
const TOKEN = 'keys-leak-admin-token';
const ADDRESS = '0x742d35Cc6634C0532925a3b844Bc454e4438f44e';

const keyed = allProviders().filter((p) => p.auth.kind !== 'none');
const envNames = [...new Set(keyed.flatMap((p) => (p.auth.kind === 'none' ? [] : p.auth.env)))].sort();
const keyOf = (name: string, n: 0 | 1): string => `${MARK}-${name}${n ? '-2nd' : ''}-7f3a9c`;
const KEYS: Record<string, string> = Object.fromEntries(envNames.flatMap((name) => [[name, keyOf(name, 0)] as const, [`${name}_1`, keyOf(name, 1)] as const]));
const ALL_KEYS = Object.values(KEYS);
const keysOfProvider = (id: string): string[] => {
	const p = keyed.find((x) => x.id === id);
	return p && p.auth.kind !== 'none' ? p.auth.env.flatMap((n) => [keyOf(n, 0), keyOf(n, 1)]) : [];
};

/** Every form a key could leave in: as is, percent-encoded, base64 (e.g. inside a Basic header). */
const NEEDLES = [MARK, MARK.toLowerCase(), ...ALL_KEYS.flatMap((k) => [k, encodeURIComponent(k), Buffer.from(k).toString('base64'), Buffer.from(k).toString('base64url')])];

function leaksIn(text: string): string[] {
	return NEEDLES.filter((n) => text.includes(n));
}

interface Output {
	where: string;
	text: string;
}
const outputs: Output[] = [];
const out = (where: string, data: string | Buffer): void => {
	outputs.push({ where, text: typeof data === 'string' ? data : data.toString('latin1') });
};

let sim: Simulator;
let server: RunningServer;
let dataDir: string;
let staticRoot: string;
let closed = false;
const driven = new Set<string>();
const consoleLines: string[] = [];

async function call(op: string, path: string, init: { method?: string; body?: unknown; admin?: boolean; rawBody?: string } = {}): Promise<{ status: number; text: string; json: () => unknown }> {
	driven.add(op);
	const headers: Record<string, string> = {};
	if (init.admin) headers.Authorization = `Bearer ${TOKEN}`;
	let body: string | undefined;
	if (init.body !== undefined || init.rawBody !== undefined) {
		headers['Content-Type'] = 'application/json';
		body = init.rawBody ?? JSON.stringify(init.body);
	}
	const res = await fetch(`${server.url}${path}`, { method: init.method ?? op.split(' ')[0], headers, body });
	const text = await res.text();
	out(`${op} ${path} status`, `${res.status} ${res.statusText}`);
	out(`${op} ${path} headers`, [...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n'));
	out(`${op} ${path} body`, text);
	// 503 is an honest "every source failed"; a 500 would be a bug.
	expect(res.status, `${op} ${path}: ${text.slice(0, 200)}`).not.toBe(500);
	return { status: res.status, text, json: () => JSON.parse(text) as unknown };
}

/** Example query strings for `/api/data/{capability}`: one answerable request per capability. */
const DATA_QUERIES: Record<Capability, string> = {
	price: 'symbols=BTC,ETH',
	markets: 'limit=10',
	global: '',
	trending: '',
	ohlcv: 'symbol=BTC',
	ticker: 'pair=BTC/USDT',
	orderbook: 'pair=BTC/USDT&depth=10',
	trades: 'pair=BTC/USDT&limit=10',
	'fear-greed': 'limit=3',
	news: 'limit=5',
	social: 'limit=5',
	'text-sentiment': 'texts=bitcoin%20is%20going%20up',
	gas: 'chain=ethereum',
	balance: `chain=ethereum&address=${ADDRESS}`,
	transactions: `chain=ethereum&address=${ADDRESS}&limit=5`,
	'block-height': 'chain=ethereum',
	'token-info': `chain=ethereum&address=0x1f9840a85d5aF5bf1D1762F925BDADdC4201F984`,
	'tvl-protocols': 'limit=5',
	'tvl-chains': '',
	'nft-collection': 'slug=ens',
	'whale-transfers': 'minUsd=1000000'
};

/** Unanswerable variants: the simulator has no recording, so it answers 404 quoting the URL, key included. */
const DATA_MISSES: Partial<Record<Capability, string>> = {
	price: 'symbols=QZXW',
	balance: 'chain=ethereum&address=0x0000000000000000000000000000000000c0ffee',
	transactions: 'chain=ethereum&address=0x0000000000000000000000000000000000c0ffee',
	'nft-collection': 'slug=no-such-collection-zz',
	news: 'symbols=QZXW&limit=3'
};

beforeAll(async () => {
	for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
		vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
			consoleLines.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack ?? ''}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
		});
	}
	sim = await startSimulator({ providers: allProviders(), record: true, echoUnmatched: true });
	dataDir = mkdtempSync(join(tmpdir(), 'cm-leak-data-'));
	staticRoot = mkdtempSync(join(tmpdir(), 'cm-leak-static-'));
	writeFileSync(join(staticRoot, 'index.html'), '<!doctype html><html><head></head><body>app</body></html>');
	server = await startProxyOnSim(sim, {
		dataDir,
		staticRoot,
		env: {
			...KEYS,
			CM_ADMIN_TOKEN: TOKEN,
			// Discovery reads only a loopback registry, which its guard refuses here: no probe leaves 127.0.0.1.
			CM_DISCOVERY_SOURCES: 'chain-registry',
			CM_DISCOVERY_REGISTRY_URL: `${sim.url}/chains.json`
		}
	});
}, 30_000);

afterAll(async () => {
	if (!closed) await server.close();
	await sim.close();
	vi.restoreAllMocks();
	rmSync(dataDir, { recursive: true, force: true });
	rmSync(staticRoot, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? filesUnder(path) : [path];
	});
}

/** A WebSocket session on `path` subscribed to every group; every frame and the upgrade headers are kept. */
function openSocket(path: string): Promise<{ ws: WebSocket; frames: string[] }> {
	return new Promise((resolve, reject) => {
		const frames: string[] = [];
		const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}${path}`, { headers: { 'User-Agent': 'keys-leak-test' } });
		ws.on('upgrade', (res) => out(`ws ${path} upgrade`, Object.entries(res.headers).map(([k, v]) => `${k}: ${String(v)}`).join('\n')));
		ws.on('message', (data: Buffer) => {
			const text = data.toString('utf8');
			frames.push(text);
			out(`ws ${path} frame`, text);
		});
		ws.once('open', () => {
			for (const group of GROUPS) ws.send(JSON.stringify({ type: 'subscribe', group }));
			ws.send(JSON.stringify({ type: 'get_stats' }));
			ws.send(JSON.stringify({ type: 'ping' }));
			ws.send('{"type":"subscribe","group":"nope"}');
			resolve({ ws, frames });
		});
		ws.once('error', reject);
	});
}

const until = async (done: () => boolean, ms: number): Promise<void> => {
	const end = Date.now() + ms;
	while (!done() && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
};

describe('no API key leaves the proxy', () => {
	it('the search finds a key when one is there (the test can fail)', () => {
		const key = KEYS.COINGECKO_KEY ?? '';
		expect(key).toContain(MARK);
		expect(leaksIn(`{"url":"https://x/?k=${key}"}`)).toContain(key);
		expect(leaksIn(`Authorization: Basic ${Buffer.from(KEYS.ETHERSCAN_KEY_1 ?? '').toString('base64')}`).length).toBeGreaterThan(0);
		expect(leaksIn('nothing here')).toEqual([]);
		expect(envNames.length).toBeGreaterThan(20);
	});

	it('drives every route, the WebSocket, faults, logs, exports and backups without leaking a key', async () => {
		const socket = await openSocket('/ws');
		const alias = await openSocket('/ws/market_data');

		// ---- meta ----
		for (const path of ['/health', '/ready', '/openapi.json', '/docs', '/metrics', '/app-config.json']) await call(`GET ${path}`, path);

		// ---- every capability, answerable and not ----
		for (const cap of CAPABILITY_IDS) {
			const q = DATA_QUERIES[cap];
			await call('GET /api/data/{capability}', `/api/data/${cap}${q ? `?${q}` : ''}`);
			const miss = DATA_MISSES[cap];
			if (miss) await call('GET /api/data/{capability}', `/api/data/${cap}?${miss}`);
		}
		await call('GET /api/resources/market/price/{symbol}', '/api/resources/market/price/BTC');
		await call('GET /api/resources/market/prices', '/api/resources/market/prices?symbols=BTC,ETH');
		await call('GET /api/resources/news/latest', '/api/resources/news/latest?limit=5');
		await call('GET /api/resources/news/symbol/{symbol}', '/api/resources/news/symbol/BTC');
		await call('GET /api/resources/sentiment/fear-greed', '/api/resources/sentiment/fear-greed?limit=3');
		await call('GET /api/resources/sentiment/global', '/api/resources/sentiment/global');
		await call('GET /api/resources/sentiment/coin/{symbol}', '/api/resources/sentiment/coin/BTC');
		await call('GET /api/resources/market/consensus/{symbol}', '/api/resources/market/consensus/BTC?k=3');
		await call('GET /api/resources/hf/ohlcv', '/api/resources/hf/ohlcv?symbol=BTC&timeframe=1h&limit=5');
		await call('GET /api/resources/hf/symbols', '/api/resources/hf/symbols');
		await call('GET /api/resources/hf/timeframes/{symbol}', '/api/resources/hf/timeframes/BTC');
		await call('GET /api/resources/onchain/balance', `/api/resources/onchain/balance?address=${ADDRESS}`);
		await call('GET /api/resources/onchain/gas', '/api/resources/onchain/gas?chain=ethereum');
		await call('GET /api/resources/onchain/transactions', `/api/resources/onchain/transactions?address=${ADDRESS}`);

		// ---- every keyed provider, every capability, probed upstream (bypassing the cache) ----
		for (const p of keyed) {
			await call('GET /api/providers/{id}', `/api/providers/${p.id}`);
			for (const cap of Object.keys(p.capabilities)) await call('GET /api/providers/{id}/health-check', `/api/providers/${p.id}/health-check?capability=${cap}`);
		}

		// ---- error paths: every fault the simulator makes, on every keyed provider ----
		for (const kind of ['server_error', 'rate_limit', 'html', 'truncated', 'wrong_types', 'empty', 'schema_drift', 'refused'] as const) {
			sim.setFault('*', { kind, retryAfterS: 1 });
			for (const p of keyed) {
				const cap = Object.keys(p.capabilities)[0];
				await call('GET /api/providers/{id}/health-check', `/api/providers/${p.id}/health-check?capability=${cap}`);
			}
		}
		sim.clearFaults();
		for (const cap of CAPABILITY_IDS) await call('GET /api/data/{capability}', `/api/data/${cap}?${DATA_QUERIES[cap]}&limit=7`.replace('?&', '?'));

		// ---- status, stats, providers, breakers ----
		await call('GET /api/status', '/api/status');
		await call('GET /api/stats', '/api/stats');
		await call('GET /api/stats/export', '/api/stats/export');
		await call('GET /api/stats/export', '/api/stats/export?format=csv');
		await call('GET /api/providers', '/api/providers');
		for (const category of CATEGORIES) await call('GET /api/providers/category/{category}', `/api/providers/category/${category}`);
		for (const action of ['open', 'disable', 'enable', 'reset'] as const) await call('POST /api/providers/{id}/breaker/{action}', `/api/providers/etherscan/breaker/${action}`, { admin: true });
		await call('POST /api/providers/{id}/breaker/{action}', '/api/providers/coingecko/breaker/open?capability=price', { admin: true });
		await call('DELETE /api/providers/{id}/breaker', '/api/providers/coingecko/breaker?capability=price', { admin: true });

		// ---- pools ----
		await call('GET /api/pools', '/api/pools');
		const pool = { id: 'leak-pool', name: 'Keyed', capabilities: ['price'], strategy: 'priority', members: [{ provider: 'coinmarketcap' }, { provider: 'coingecko' }] };
		await call('POST /api/pools', '/api/pools', { body: pool, admin: true });
		await call('POST /api/pools/{id}/members', '/api/pools/leak-pool/members', { body: { provider: 'livecoinwatch' }, admin: true });
		await call('GET /api/pools/{id}', '/api/pools/leak-pool');
		await call('PUT /api/pools/{id}', '/api/pools/leak-pool', { method: 'PUT', body: { ...pool, strategy: 'weighted', members: [...pool.members, { provider: 'livecoinwatch', weight: 2 }] }, admin: true });
		await call('POST /api/pools/{id}/rotate', '/api/pools/leak-pool/rotate', { body: { capability: 'price' }, admin: true });
		await call('POST /api/pools/{id}/rotate', '/api/pools/primary-market-data/rotate', { body: { capability: 'price' }, admin: true });
		await call('GET /api/pools/history', '/api/pools/history');
		// Status history of keyed providers and a pool holding them (incidents from the breaker actions above).
		await call('GET /api/status/index', '/api/status/index');
		await call('GET /status.html', '/status.html');
		for (const id of ['coinmarketcap', 'coingecko', 'etherscan']) await call('GET /api/status/providers/{id}', `/api/status/providers/${id}`);
		await call('GET /api/status/pools/{id}', '/api/status/pools/leak-pool');
		await call('DELETE /api/pools/{id}/members/{providerId}', '/api/pools/leak-pool/members/livecoinwatch', { admin: true });
		await call('DELETE /api/pools/{id}', '/api/pools/leak-pool', { admin: true });

		// ---- hierarchy, monitoring, diagnostics ----
		for (const path of ['/api/hierarchy/overview', '/api/hierarchy/usage-stats', '/api/hierarchy/health', '/api/hierarchy/circuit-breakers', '/api/monitoring/status', '/api/monitoring/sources/detailed']) await call(`GET ${path}`, path);
		await call('GET /api/monitoring/requests/recent', '/api/monitoring/requests/recent?limit=1000');
		await call('POST /api/diagnostics/run', '/api/diagnostics/run', { admin: true });
		await call('GET /api/diagnostics/last', '/api/diagnostics/last');

		// ---- sentiment: the ensemble asks every keyed model; the report says only whether a key is present ----
		await call('POST /api/resources/sentiment/analyze', '/api/resources/sentiment/analyze', { body: { texts: ['Bitcoin ETF approval sends BTC to the moon'] } });
		await call('GET /api/reports/models', '/api/reports/models');

		// ---- resources: user providers, export, import, backups ----
		await call('GET /api/resources', '/api/resources');
		for (const category of CATEGORIES) await call('GET /api/resources/category/{category}', `/api/resources/category/${category}`);
		const mine = { id: 'leak-user', name: 'Mine', category: 'market', baseUrl: 'https://example.com/api', docs: 'https://example.com/docs', capabilities: ['price'] };
		expect((await call('POST /api/resources/provider', '/api/resources/provider', { body: mine, admin: true })).status).toBe(201);
		await call('GET /api/resources/export/json', '/api/resources/export/json');
		await call('GET /api/resources/export/csv', '/api/resources/export/csv');
		await call('POST /api/resources/import/json', '/api/resources/import/json', { body: { mode: 'merge', data: { providers: [], pools: [pool] } }, admin: true });
		await call('POST /api/resources/import/json', '/api/resources/import/json', { body: { mode: 'merge', data: { pools: [{ ...pool, members: [{ provider: 'nobody' }] }] } }, admin: true });
		const backup = (await call('POST /api/resources/backup', '/api/resources/backup', { admin: true })).json() as { name: string };
		await call('GET /api/resources/backups', '/api/resources/backups');
		const backupBytes = readFileSync(join(dataDir, 'backups', backup.name));
		out(`backup file ${backup.name}`, backupBytes);
		expect(backupBytes.length).toBeGreaterThan(0);
		await call('POST /api/resources/backups/{name}/restore', `/api/resources/backups/${backup.name}/restore`, { admin: true });
		await call('DELETE /api/resources/provider/{id}', '/api/resources/provider/leak-user', { admin: true });

		// ---- discovery ----
		expect((await call('POST /api/resources/discovery/run', '/api/resources/discovery/run', { admin: true })).status).toBe(202);
		await until(() => false, 300);
		await call('GET /api/resources/discovery/status', '/api/resources/discovery/status');
		await call('GET /api/reports/discovery', '/api/reports/discovery');
		await call('POST /api/resources/discovery/candidates/{id}/accept', '/api/resources/discovery/candidates/nope/accept', { body: { pool: 'leak-pool' }, admin: true });
		await call('POST /api/resources/discovery/candidates/{id}/dismiss', '/api/resources/discovery/candidates/nope/dismiss', { admin: true });

		// ---- the WebSocket: wait for updates on every polled group and a provider summary ----
		const seen = (channel: string) => socket.frames.some((f) => f.includes(`"channel":"${channel}"`));
		await until(() => ['price', 'markets', 'news', 'fear-greed'].every(seen) && socket.frames.some((f) => f.includes('"provider_stats"')), 8_000);
		expect(['price', 'markets', 'news', 'fear-greed'].filter(seen)).toEqual(['price', 'markets', 'news', 'fear-greed']);
		await call('GET /api/sessions', '/api/sessions');
		await call('GET /api/sessions/stats', '/api/sessions/stats');
		expect(((await call('POST /api/broadcast', '/api/broadcast', { body: { group: 'all', data: { note: 'hello' } }, admin: true })).json() as { delivered: number }).delivered).toBe(2);
		await until(() => socket.frames.some((f) => f.includes('"broadcast"')), 2_000);

		// ---- alerts: rules, recent alerts, webhooks (a refused private target), Web Push ----
		const rule = (await call('POST /api/alerts/rules', '/api/alerts/rules', { body: { kind: 'price-above', symbol: 'BTC', threshold: 1, debounceMinutes: 0 }, admin: true })).json() as { id: string };
		await call('GET /api/alerts/rules', '/api/alerts/rules');
		const hook = (await call('POST /api/alerts/webhooks', '/api/alerts/webhooks', { body: { url: 'http://10.0.0.1/hook', secret: 'leak-test-webhook-secret' }, admin: true })).json() as { id: string };
		await call('GET /api/alerts/webhooks', '/api/alerts/webhooks');
		await call('GET /api/alerts/push/key', '/api/alerts/push/key');
		await call('POST /api/alerts/push/subscribe', '/api/alerts/push/subscribe', { body: { endpoint: 'https://push.example.invalid/sub/1', keys: { p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM', auth: 'tBHItJI5svbpez7KI4CCXg' } }, admin: true });
		await until(() => socket.frames.some((f) => f.includes('"ruleId"')), 5_000);
		await call('GET /api/alerts', '/api/alerts?limit=50');
		await call('DELETE /api/alerts/webhooks/{id}', `/api/alerts/webhooks/${hook.id}`, { admin: true });
		await call('DELETE /api/alerts/rules/{id}', `/api/alerts/rules/${rule.id}`, { admin: true });

		// ---- logs, after all of that ----
		const stats = (await call('GET /api/logs/stats', '/api/logs/stats')).json() as { total: number; byKind: Record<string, number> };
		expect(stats.total).toBeGreaterThan(0);
		expect(stats.byKind.request ?? 0).toBeGreaterThan(0);
		expect(stats.byKind.breaker ?? 0).toBeGreaterThan(0);
		await call('GET /api/logs', '/api/logs?limit=10000');
		await call('GET /api/logs/recent', '/api/logs/recent?limit=1000');
		await call('GET /api/logs/errors', '/api/logs/errors?limit=10000');
		await call('GET /api/logs/export/json', '/api/logs/export/json');
		await call('GET /api/logs/export/csv', '/api/logs/export/csv');
		await call('GET /metrics', '/metrics');
		// The SPA and a 404.
		await call('GET /', '/');
		await call('GET /api/nothing-here', '/api/nothing-here');

		// Files while running (the WAL holds recent writes), then after a clean shutdown.
		for (const file of filesUnder(dataDir)) out(`file (running) ${file}`, readFileSync(file));
		await call('DELETE /api/logs', '/api/logs', { admin: true });
		socket.ws.close();
		alias.ws.close();
		await server.close();
		closed = true;
		for (const file of filesUnder(dataDir)) out(`file (stopped) ${file}`, readFileSync(file));
		out('console', consoleLines.join('\n'));

		// ---- every route of the contract was driven ----
		const missing = OPERATIONS.map((o) => `${o.method.toUpperCase()} ${o.path}`).filter((k) => !driven.has(k));
		expect(missing).toEqual([]);

		// ---- the keys did go upstream: every keyed provider that was called got its key ----
		const requested = new Map<string, string[]>();
		for (const r of sim.recorded()) {
			const id = r.url.split('/')[1] ?? '';
			requested.set(id, [...(requested.get(id) ?? []), `${r.url}\n${Object.entries(r.headers).map(([k, v]) => `${k}: ${v}`).join('\n')}\n${r.body}`]);
		}
		const keyedCalled = keyed.filter((p) => requested.has(p.id));
		expect(keyedCalled.length).toBeGreaterThan(keyed.length * 0.8);
		const withoutKey = keyedCalled.filter((p) => !(requested.get(p.id) ?? []).some((req) => keysOfProvider(p.id).some((k) => req.includes(k)))).map((p) => p.id);
		expect(withoutKey).toEqual([]);
		// The second key of a name was used too (rotation), somewhere.
		expect(sim.recorded().some((r) => JSON.stringify(r).includes('-2nd-7f3a9c'))).toBe(true);

		// ---- and none came back out ----
		expect(outputs.length).toBeGreaterThan(500);
		const leaks = outputs.flatMap((o) => leaksIn(o.text).map((needle) => `${o.where}: ${needle} …${o.text.slice(Math.max(0, o.text.indexOf(needle) - 80), o.text.indexOf(needle) + 40)}`));
		expect(leaks).toEqual([]);
	}, 120_000);
});
