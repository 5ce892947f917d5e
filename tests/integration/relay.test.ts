import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allProviders } from '../../shared/catalog/registry';
import { refreshTimes } from '../../shared/catalog/testing/corrupt';
import { engineQuota, type RelayOptions } from '../../proxy/relay';
import { createProxyEngine } from '../../proxy/engine';
import { startFakeUpstream, type FakeUpstream } from '../../proxy/relay/fake-upstream';
import { relayRoutes } from '../../proxy/routes/relay';
import { loadCases, routesFor, type Route } from '../sim/routes';
import { startSimulator, type Simulator } from '../sim/server';

/**
 * The relay on a real socket, relaying over real sockets to the loopback simulator (allowed for
 * 127.0.0.1 by the test-only option) and to a fake upstream that echoes what it received.
 */

const KEY = 'relay-int-FAKEKEY-91c0d7e2';

let sim: Simulator;
let echo: FakeUpstream;
const servers: ServerType[] = [];
let routes: Map<string, Route[]>;

beforeAll(async () => {
	const all = allProviders();
	sim = await startSimulator({ providers: all });
	echo = await startFakeUpstream();
	const cases = await loadCases();
	routes = new Map(all.map((p) => [p.id, routesFor(p, cases.get(p.id) ?? [])]));
});

afterAll(async () => {
	await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
	await sim.close();
	await echo.close();
});

/** Starts the relay on 127.0.0.1 and returns its URL. */
async function startRelay(options: RelayOptions): Promise<string> {
	const app = new Hono().route('/', relayRoutes(options));
	return new Promise((resolve) => {
		const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(`http://127.0.0.1:${info.port}`));
		servers.push(server);
	});
}

const toSim = () => JSON.stringify({ '*': `${sim.url}/{id}` });

/** A recorded route whose body the simulator serves unchanged (no time-like values to refresh). */
function stableRoute(id: string, method: 'GET' | 'POST'): Route {
	const route = (routes.get(id) ?? []).find((r) => r.method === method && r.status === 200 && refreshTimes(r.body, 1e12) === r.body && refreshTimes(r.body, 2e12) === r.body);
	if (!route) throw new Error(`no stable ${method} recording for ${id}`);
	return route;
}

/** The relay path for a recorded route (its path is already relative to the provider's base URL). */
const pathOf = (id: string, r: Route): string => {
	const q = new URLSearchParams([...r.query]);
	return `/relay/${id}${r.path}${q.size > 0 ? `?${q}` : ''}`;
};

describe('relay over real sockets to the simulator', () => {
	let relay: string;
	beforeAll(async () => {
		relay = await startRelay({ env: { CM_BASE_URLS: toSim(), ETHERSCAN_KEY: KEY }, allowPrivateForTests: ['127.0.0.1'] });
	});

	// Two providers that send no CORS headers, so browsers reach them only through the relay.
	it.each(['kraken', 'bitfinex'])(
		'relays a recorded GET for %s with the body byte for byte',
		async (id) => {
			const route = stableRoute(id, 'GET');
			const before = sim.requests(id);
			const res = await fetch(`${relay}${pathOf(id, route)}`, { headers: { cookie: 'sid=browser' } });
			expect(res.status).toBe(200);
			expect(await res.text()).toBe(route.body);
			expect(res.headers.get('set-cookie')).toBeNull();
			expect(res.headers.get('x-relay-provider')).toBe(id);
			expect(sim.requests(id)).toBe(before + 1);
		}
	);

	it('relays a JSON-RPC POST with the body intact', async () => {
		const route = stableRoute('ethereum-publicnode', 'POST');
		const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: route.rpcMethod, params: [] });
		const res = await fetch(`${relay}${pathOf('ethereum-publicnode', route)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
		expect(res.status).toBe(200);
		expect(await res.text()).toBe(route.body);
	});

	it('adds a query key for a keyed provider and returns none of it', async () => {
		const route = (routes.get('etherscan') ?? []).find((r) => r.method === 'GET' && r.status === 200);
		if (!route) throw new Error('no etherscan recording');
		const res = await fetch(`${relay}${pathOf('etherscan', route)}`);
		expect(res.status).toBe(200);
		expect(await res.text()).not.toContain(KEY);
	});

	it('passes an upstream error status through, and a timeout becomes 504', async () => {
		sim.setFault('kraken', { kind: 'rate_limit', retryAfterS: 7 });
		try {
			const route = stableRoute('kraken', 'GET');
			const limited = await fetch(`${relay}${pathOf('kraken', route)}`);
			expect(limited.status).toBe(429);
			expect(limited.headers.get('retry-after')).toBe('7');
		} finally {
			sim.clearFaults('kraken');
		}
		const quick = await startRelay({ env: { CM_BASE_URLS: toSim() }, allowPrivateForTests: ['127.0.0.1'], timeoutMs: 300 });
		sim.setFault('kraken', { kind: 'timeout' });
		try {
			const res = await fetch(`${quick}${pathOf('kraken', stableRoute('kraken', 'GET'))}`);
			expect(res.status).toBe(504);
			expect(await res.json()).toEqual({ error: 'the upstream did not answer within 300 ms' });
		} finally {
			sim.clearFaults('kraken');
		}
	});

	it('enforces the size cap on a real recording', async () => {
		const route = stableRoute('kraken', 'GET');
		const small = await startRelay({ env: { CM_BASE_URLS: toSim() }, allowPrivateForTests: ['127.0.0.1'], maxResponseBytes: Math.max(1, Math.floor(route.body.length / 2)) });
		const res = await fetch(`${small}${pathOf('kraken', route)}`);
		expect(res.status).toBe(502);
		expect(((await res.json()) as { error: string }).error).toMatch(/larger than the relay allows/);
	});

	it('reaches the simulator through a name that the (injected) DNS resolves to loopback, pinned', async () => {
		const port = new URL(sim.url).port;
		const named = await startRelay({
			env: { CM_BASE_URLS: JSON.stringify({ '*': `http://sim.test:${port}/{id}` }) },
			lookup: async (host) => (host === 'sim.test' ? [{ address: '127.0.0.1', family: 4 }] : []),
			allowPrivateForTests: ['127.0.0.1']
		});
		const res = await fetch(`${named}${pathOf('kraken', stableRoute('kraken', 'GET'))}`);
		expect(res.status).toBe(200);
	});
});

describe('relay traffic spends the engine\'s budget', () => {
	it('counts relayed calls against the provider\'s window, answers 429 when spent, and cools a key the upstream limits', async () => {
		const env = { CM_BASE_URLS: toSim() };
		const engine = await createProxyEngine({ env });
		try {
			const relay = await startRelay({ env, allowPrivateForTests: ['127.0.0.1'], quota: engineQuota(engine) });
			const rt = engine.runtime('kraken');
			if (!rt) throw new Error('no kraken runtime');
			const perSecond = rt.spec.limits.perSecond ?? rt.spec.limits.perMinute;
			if (perSecond === undefined) throw new Error('kraken declares no short window');
			const path = pathOf('kraken', stableRoute('kraken', 'GET'));
			const statuses: number[] = [];
			for (let i = 0; i < perSecond + 1; i++) statuses.push((await fetch(`${relay}${path}`)).status);
			// Every call inside the window went through; the one past it is refused without reaching upstream.
			expect(statuses.slice(0, perSecond).every((s) => s === 200)).toBe(true);
			const refused = statuses.at(-1);
			expect(refused).toBe(429);
			expect(rt.pickKey(1).wait).toBeGreaterThan(0);

			// An upstream 429 with Retry-After cools the provider for the engine too.
			const bitfinex = engine.runtime('bitfinex');
			if (!bitfinex) throw new Error('no bitfinex runtime');
			sim.setFault('bitfinex', { kind: 'rate_limit', retryAfterS: 30 });
			try {
				expect((await fetch(`${relay}${pathOf('bitfinex', stableRoute('bitfinex', 'GET'))}`)).status).toBe(429);
			} finally {
				sim.clearFaults('bitfinex');
			}
			expect(bitfinex.pickKey(1).wait).toBeGreaterThan(25_000);
			const spent = await fetch(`${relay}${pathOf('bitfinex', stableRoute('bitfinex', 'GET'))}`);
			expect(spent.status).toBe(429);
			expect(Number(spent.headers.get('retry-after'))).toBeGreaterThan(25);
			expect(await spent.json()).toEqual({ error: expect.stringMatching(/'bitfinex' has spent its request budget/) });
		} finally {
			await engine.close();
		}
	});
});

describe('the guard, without the test override', () => {
	it('refuses the loopback simulator by address and by a name resolving to loopback', async () => {
		const byAddress = await startRelay({ env: { CM_BASE_URLS: toSim() } });
		const port = new URL(sim.url).port;
		const byName = await startRelay({ env: { CM_BASE_URLS: JSON.stringify({ '*': `http://sim.test:${port}/{id}` }) }, lookup: async () => [{ address: '127.0.0.1', family: 4 }] });
		const path = pathOf('kraken', stableRoute('kraken', 'GET'));
		const before = sim.requests('kraken');
		for (const [relay, pattern] of [
			[byAddress, /^refused: 127\.0\.0\.1 is a loopback address/],
			[byName, /^refused: sim\.test resolves to 127\.0\.0\.1, a loopback address/]
		] as const) {
			const res = await fetch(`${relay}${path}`);
			expect(res.status).toBe(403);
			expect(((await res.json()) as { error: string }).error).toMatch(pattern);
		}
		expect(sim.requests('kraken')).toBe(before);
	});

	it.each(['http://[::1]:9', 'http://10.0.0.1', 'http://169.254.169.254', 'http://192.168.0.1', 'http://[::ffff:127.0.0.1]:9'])('refuses a provider pointed at %s', async (base) => {
		const relay = await startRelay({ env: { CM_BASE_URLS: JSON.stringify({ kraken: base }) } });
		const res = await fetch(`${relay}/relay/kraken/0/public/Time`);
		expect(res.status).toBe(403);
	});

	it('refuses non-catalog ids and paths that escape the base, over a real socket', async () => {
		const relay = await startRelay({ env: { CM_BASE_URLS: toSim() }, allowPrivateForTests: ['127.0.0.1'] });
		expect((await fetch(`${relay}/relay/evil/x`)).status).toBe(404);
		for (const p of ['/relay/kraken/..%2f..%2f_sim%2ffaults', '/relay/kraken/%252e%252e/x', '/relay/kraken/a%5cb', '/relay/kraken/x%0d%0aX:1', '/relay/kraken/@127.0.0.1'])
			expect((await fetch(`${relay}${p}`)).status, p).toBe(400);
	});
});

describe('relay to an echoing upstream over real sockets', () => {
	it('adds the header key upstream, strips cookies both ways, returns none of the key', async () => {
		const relay = await startRelay({
			env: { CM_BASE_URLS: JSON.stringify({ coinmarketcap: `http://127.0.0.1:${echo.port}/v1` }), COINMARKETCAP_KEY: KEY },
			allowPrivateForTests: ['127.0.0.1']
		});
		echo.received.length = 0;
		const res = await fetch(`${relay}/relay/coinmarketcap/echo`, { headers: { cookie: 'sid=browser-secret', authorization: 'Bearer admin' } });
		const text = await res.text();
		expect(res.status).toBe(200);
		expect(echo.received[0]?.headers['x-cmc_pro_api_key']).toBe(KEY);
		expect(echo.received[0]?.headers.cookie).toBeUndefined();
		expect(echo.received[0]?.headers.authorization).toBeUndefined();
		expect(res.headers.get('set-cookie')).toBeNull();
		expect(text).not.toContain(KEY);
		expect(JSON.stringify([...res.headers])).not.toContain(KEY);
	});
});
