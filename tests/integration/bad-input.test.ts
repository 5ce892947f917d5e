import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS, type Operation } from '../../shared/api/rest';
import { allProviders } from '../../shared/catalog/registry';
import type { Engine } from '../../shared/engine';
import { createApp } from '../../proxy/app';
import { createProxyEngine } from '../../proxy/engine';
import { startSimulator, type Simulator } from '../sim/server';

/**
 * Bad input to every route of the contract table: path tricks in every path parameter, wrong
 * types and missing fields in query strings and bodies, oversized and malformed bodies. Each
 * must be a 4xx with a JSON `error` message; none may be a 5xx.
 */

const TOKEN = 'bad-input-admin-token';
const auth = { Authorization: `Bearer ${TOKEN}` };

let sim: Simulator;
let engine: Engine;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
	sim = await startSimulator({ providers: allProviders() });
	engine = await createProxyEngine({ env: { CM_BASE_URLS: JSON.stringify({ '*': `${sim.url}/{id}` }) } });
	app = createApp({ startedAt: 0, version: '0', engine, adminToken: TOKEN, staticRoot: '/nonexistent', rateLimit: { perMinute: 1_000_000 } });
});

afterAll(async () => {
	await engine.close();
	await sim.close();
});

/** Values that must never get past a path parameter's schema (already percent-encoded). */
const PATH_TRICKS: Record<string, string> = {
	'dot-dot slash': '..%2f..%2fetc%2fpasswd',
	'dot-dot backslash': '..%5c..%5cwindows',
	'encoded dot-dot': '%2e%2e',
	'very long': 'a'.repeat(5_000),
	unicode: encodeURIComponent('ビットコイン'),
	'unicode look-alike': encodeURIComponent('coіngecko'), // Cyrillic і
	NUL: 'coingecko%00',
	'lone NUL': '%00',
	'broken percent-encoding': '%E0%A4%A',
	'script tag': encodeURIComponent('<script>alert(1)</script>'),
	'upper case': 'COINGECKO',
	spaces: 'coin%20gecko',
	'newline injection': 'x%0d%0aSet-Cookie:%20a=b'
};

/** Valid values for path parameters, so one parameter at a time can be made bad. */
const VALID_PARAMS: Record<string, string> = { id: 'primary-market-data', providerId: 'coingecko', symbol: 'BTC', category: 'market', capability: 'price', action: 'reset' };
const providerPath = (op: Operation) => op.path.startsWith('/api/providers/');

function fill(op: Operation, bad?: { name: string; value: string }): string {
	return op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
		if (bad && bad.name === name) return bad.value;
		if (name === 'id' && providerPath(op)) return 'coingecko';
		return VALID_PARAMS[name] ?? 'x';
	});
}

interface Case {
	name: string;
	method: string;
	path: string;
	headers?: Record<string, string>;
	body?: string;
}

const jsonHeaders = { ...auth, 'Content-Type': 'application/json' };

/** Query strings with wrong types, out-of-range and unknown enum values, per route. */
const BAD_QUERIES: Record<string, string[]> = {
	'/api/stats/export': ['format=xml', 'format='],
	'/api/providers': ['capability=teleport', 'category=%00', 'capability=' + 'x'.repeat(2_000)],
	'/api/providers/{id}/health-check': ['capability=teleport', 'capability=nft-collection'],
	'/api/providers/{id}/breaker/{action}': ['capability=teleport', 'capability=gas'],
	'/api/providers/{id}/breaker': ['capability=teleport'],
	'/api/data/{capability}': ['symbols=', 'symbols=%00', 'symbols=BTC&vs=' + 'x'.repeat(100)],
	'/api/resources/market/price/{symbol}': ['vs=US-D', 'vs=' + 'x'.repeat(50)],
	'/api/resources/market/prices': ['', 'symbols=', 'symbols=,,,', 'symbols=B%20TC', 'symbols=' + 'BTC,'.repeat(200), 'symbols=BTC&vs=%F0%9F%92%B0'],
	'/api/resources/news/latest': ['limit=abc', 'limit=-1', 'limit=0', 'limit=1.5', 'limit=1e9', 'limit=NaN', 'limit=Infinity'],
	'/api/resources/news/symbol/{symbol}': ['limit=abc', 'limit=101'],
	'/api/resources/sentiment/fear-greed': ['limit=abc', 'limit=100000', 'limit='],
	'/api/resources/onchain/balance': ['', 'address=0x1', 'chain=mars&address=0x742d35Cc6634C0532925a3b844Bc454e4438f44e', 'address=0x742d35Cc6634C0532925a3b844Bc454e4438f44e%00', 'address=' + 'a'.repeat(500)],
	'/api/resources/onchain/gas': ['chain=mars', 'chain=', 'chain=ETHEREUM'],
	'/api/resources/onchain/transactions': ['', 'address=short', 'address=0x742d35Cc6634C0532925a3b844Bc454e4438f44e&limit=-5', 'address=0x742d35Cc6634C0532925a3b844Bc454e4438f44e&limit=x'],
	'/api/monitoring/requests/recent': ['limit=abc', 'limit=0', 'limit=1001']
};

/** Bodies with missing fields and wrong types, per route (all sent with a valid admin token). */
const BAD_BODIES: Record<string, unknown[]> = {
	'/api/pools': [
		{},
		{ id: 'p1' },
		{ id: 'p1', name: 'P' },
		{ id: 5, name: 'P', members: [] },
		{ id: 'P1 with spaces', name: 'P', members: [] },
		{ id: 'p1', name: 'P', members: 'coingecko' },
		{ id: 'p1', name: 'P', members: [{ provider: 7 }] },
		{ id: 'p1', name: 'P', members: [{ provider: 'coingecko', weight: -1 }] },
		{ id: 'p1', name: 'P', members: [], strategy: 'random_guess' },
		{ id: 'p1', name: 'P', members: [], capabilities: ['teleport'] },
		{ id: 'p1', name: 'P', members: [], maxAlternatives: 0 },
		{ id: 'p1', name: 'P', members: [{ provider: 'coingecko' }, { provider: 'coingecko' }] },
		{ id: 'a'.repeat(65), name: 'P', members: [] },
		{ id: 'probe--x', name: 'P', members: [] },
		[],
		null,
		'pool',
		42
	],
	'/api/pools/{id}/members': [{}, { provider: 5 }, { provider: '' }, { provider: 'coingecko', priority: 'high' }, { provider: 'coingecko', tier: 'gold' }, [], null],
	'/api/pools/{id}/rotate': [{ capability: 'teleport' }, { capability: 5 }, [], null, 'price']
};

function casesFor(op: Operation): Case[] {
	const method = op.method.toUpperCase();
	const headers = op.admin ? auth : undefined;
	const cases: Case[] = [];
	for (const [, name] of op.path.matchAll(/\{(\w+)\}/g)) {
		for (const [trick, value] of Object.entries(PATH_TRICKS)) {
			// Symbols are case-insensitive: `COINGECKO` is a well-formed symbol, not a trick.
			if (!name || (name === 'symbol' && trick === 'upper case')) continue;
			cases.push({ name: `${name}: ${trick}`, method, path: fill(op, { name, value }), headers: op.body ? jsonHeaders : headers, body: op.body ? '{}' : undefined });
		}
	}
	// A trailing junk segment never reaches a handler as something else.
	cases.push({ name: 'extra NUL segment', method, path: `${fill(op)}/%00`, headers });
	for (const q of BAD_QUERIES[op.path] ?? []) cases.push({ name: `query ?${q.slice(0, 40)}`, method, path: `${fill(op)}?${q}`, headers });
	if (op.body) {
		for (const b of BAD_BODIES[op.path] ?? []) cases.push({ name: `body ${JSON.stringify(b)?.slice(0, 50)}`, method, path: fill(op), headers: jsonHeaders, body: JSON.stringify(b) });
		cases.push({ name: 'malformed JSON', method, path: fill(op), headers: jsonHeaders, body: '{"id": "p1",' });
		cases.push({ name: 'not JSON (form)', method, path: fill(op), headers: { ...auth, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'id=p1&name=P' });
		cases.push({ name: 'no content type', method, path: fill(op), headers: auth, body: '{}' });
		cases.push({ name: 'oversized (2 MB)', method, path: fill(op), headers: jsonHeaders, body: JSON.stringify({ id: 'p1', name: 'x'.repeat(2 * 1024 * 1024), members: [] }) });
		cases.push({ name: 'deeply nested', method, path: fill(op), headers: jsonHeaders, body: `${'['.repeat(5_000)}${']'.repeat(5_000)}` });
	}
	if (op.admin) {
		cases.push({ name: 'no token', method, path: fill(op), headers: op.body ? { 'Content-Type': 'application/json' } : {}, body: op.body ? '{}' : undefined });
		cases.push({ name: 'wrong token', method, path: fill(op), headers: { Authorization: 'Bearer x' } });
		cases.push({ name: 'token without Bearer', method, path: fill(op), headers: { Authorization: TOKEN } });
	}
	return cases;
}

const ROUTES = OPERATIONS.filter((op) => op.path.startsWith('/api/'));

describe.each(ROUTES.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))('%s', (_label, op) => {
	it.each(casesFor(op).map((c) => [c.name, c] as const))('%s -> 4xx with a JSON error', async (_name, c) => {
		const init: RequestInit = { method: c.method, headers: c.headers ?? {} };
		if (c.body !== undefined) init.body = c.body;
		const res = await app.request(c.path, init);
		expect(res.status, `${c.method} ${c.path.slice(0, 120)}`).toBeGreaterThanOrEqual(400);
		expect(res.status, `${c.method} ${c.path.slice(0, 120)}`).toBeLessThan(500);
		expect(res.headers.get('content-type')).toMatch(/^application\/json/);
		const body = (await res.json()) as { error?: unknown };
		expect(typeof body.error).toBe('string');
		expect((body.error as string).length).toBeGreaterThan(5);
		// Messages never echo a megabyte of input back.
		expect((body.error as string).length).toBeLessThan(2_000);
	});
});

it('covers every /api route of the contract', () => {
	expect(ROUTES.length).toBeGreaterThan(30);
	for (const op of ROUTES) expect(casesFor(op).length, op.path).toBeGreaterThan(0);
});

it('a wrong method on a known path is a JSON 404, not a 5xx', async () => {
	const res = await app.request('/api/status', { method: 'DELETE', headers: auth });
	expect(res.status).toBe(404);
	expect(await res.json()).toHaveProperty('error');
});
