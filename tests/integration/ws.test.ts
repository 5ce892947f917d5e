import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ServerMessage, type ServerMessageOf } from '../../shared/api/ws';
import { coingecko } from '../../shared/catalog/providers/coingecko';
import { fixtures as coingeckoFixtures } from '../../shared/catalog/providers/coingecko/fixtures';
import { SymbolMap } from '../../shared/catalog/symbols';
import { Engine, fetchTransport, MemoryStore, noSecrets, systemClock, systemRandom } from '../../shared/engine';
import { FakeClock } from '../../shared/engine/ports';
import { attachWebSocket, Hub, type AttachedWebSocket } from '../../proxy/ws';
import { startSimulator, type Simulator } from '../sim/server';

const symbols = new SymbolMap();
const PROVIDER = 'gecko-ws';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ providers: [{ ...coingecko, id: PROVIDER }], cases: new Map([[PROVIDER, coingeckoFixtures]]), symbolId: (_p, s) => symbols.resolve('coingecko', s) });
});
afterAll(() => sim.close());
afterEach(() => sim.resetCounts());

interface Proxy {
	url: string;
	/** Drives the hub's heartbeat and the feeds' intervals; the engine runs on real time against the simulator. */
	clock: FakeClock;
	ws: AttachedWebSocket;
	close(): Promise<void>;
}

/** A node server (as `serve()` starts the proxy) with the WebSocket attached and a real engine behind it. */
async function startProxy(): Promise<Proxy> {
	const engine = new Engine({
		providers: [{ ...coingecko, id: PROVIDER, baseUrl: sim.baseUrl(PROVIDER), limits: {} }],
		ports: { clock: systemClock, random: systemRandom, transport: fetchTransport, store: new MemoryStore(), secrets: noSecrets },
		attemptTimeoutMs: 2_000,
		symbolId: (_provider, s) => symbols.resolve('coingecko', s)
	});
	const clock = new FakeClock(Date.now());
	const server = await new Promise<ServerType>((resolve) => {
		const s = serve({ fetch: new Hono().get('/health', (c) => c.text('ok')).fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
	});
	const ws = attachWebSocket(server, {
		engine,
		clock,
		// Only what the simulator has recordings for: BTC's price, and the global metrics for `market`.
		feeds: {
			feeds: {
				prices: { everyMs: 15_000, polls: [{ channel: 'price', params: { symbols: ['BTC'] } }] },
				market: { everyMs: 60_000, polls: [{ channel: 'global', params: {} }] }
			}
		},
		hub: new Hub({ clock, idleTimeoutMs: 24 * 3_600_000 }),
		closeGraceMs: 200
	});
	const { port } = server.address() as AddressInfo;
	return {
		url: `ws://127.0.0.1:${port}`,
		clock,
		ws,
		async close() {
			await ws.close();
			await new Promise<void>((resolve) => server.close(() => resolve()));
			await engine.close();
		}
	};
}

/** A real `ws` client that keeps every message it receives, parsed against the contract. */
class Client {
	readonly messages: ServerMessage[] = [];
	readonly socket: WebSocket;
	readonly #waiters = new Set<() => void>();

	constructor(url: string) {
		this.socket = new WebSocket(url, { headers: { 'user-agent': 'ws-integration-test' } });
		this.socket.on('message', (data) => {
			this.messages.push(ServerMessage.parse(JSON.parse(String(data))));
			for (const w of this.#waiters) w();
		});
	}

	send(message: object): void {
		this.socket.send(JSON.stringify(message));
	}

	of<T extends ServerMessage['type']>(type: T): Array<ServerMessageOf<T>> {
		return this.messages.filter((m): m is ServerMessageOf<T> => m.type === type);
	}

	/** Resolves when `count` messages of a type have arrived. */
	waitFor<T extends ServerMessage['type']>(type: T, count = 1, timeoutMs = 5_000): Promise<Array<ServerMessageOf<T>>> {
		return new Promise((resolve, reject) => {
			const check = () => {
				const found = this.of(type);
				if (found.length < count) return;
				clearTimeout(timer);
				this.#waiters.delete(check);
				resolve(found);
			};
			const timer = setTimeout(() => {
				this.#waiters.delete(check);
				reject(new Error(`waited ${timeoutMs} ms for ${count} '${type}', saw ${this.messages.map((m) => m.type).join(', ')}`));
			}, timeoutMs);
			this.#waiters.add(check);
			check();
		});
	}

	close(): Promise<void> {
		if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
		return new Promise((resolve) => {
			this.socket.once('close', () => resolve());
			this.socket.close();
		});
	}
}

const open: Array<Client | Proxy> = [];
afterEach(async () => {
	for (const thing of open.splice(0).reverse()) await thing.close();
});

async function proxy(): Promise<Proxy> {
	const p = await startProxy();
	open.push(p);
	return p;
}

function client(url: string): Client {
	const c = new Client(url);
	open.push(c);
	return c;
}

/** Waits for a condition the server side reaches on its own time (its socket's close event). */
async function until(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
	for (const end = Date.now() + timeoutMs; !condition(); ) {
		if (Date.now() > end) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

/** Subscribes `count` clients to `prices`, then runs `rounds` more 15-second intervals; returns the upstream requests seen. */
async function upstreamFor(count: number, rounds: number): Promise<number> {
	const p = await proxy();
	sim.resetCounts();
	const clients = Array.from({ length: count }, () => client(`${p.url}/ws`));
	await Promise.all(clients.map((c) => c.waitFor('welcome')));
	for (const c of clients) c.send({ type: 'subscribe', group: 'prices' });
	await Promise.all(clients.map((c) => c.waitFor('update')));
	for (let round = 1; round <= rounds; round++) {
		await p.clock.advance(15_000);
		await Promise.all(clients.map((c) => c.waitFor('update', round + 1)));
	}
	return sim.requests();
}

describe('WebSocket against the simulator', () => {
	it('welcomes a client and sends a prices update with data, source and time', async () => {
		const p = await proxy();
		const c = client(`${p.url}/ws`);
		const [welcome] = await c.waitFor('welcome');
		expect(welcome?.session_id).toMatch(/^[0-9a-f-]{36}$/);
		expect(welcome?.subscribed).toEqual([]);
		c.send({ type: 'subscribe', group: 'prices' });
		await c.waitFor('subscribed');
		const [update] = await c.waitFor('update');
		expect(update).toMatchObject({ group: 'prices', channel: 'price', source: PROVIDER, stale: false, data: [{ symbol: 'BTC', price: 7984.89 }] });
		expect(update?.ts).toBeGreaterThan(Date.now() - 60_000);
		expect(p.ws.hub.sessions()).toEqual([expect.objectContaining({ client_type: 'api', user_agent: 'ws-integration-test', groups: ['prices'] })]);
	});

	it('200 subscribers cost upstream what 1 does', async () => {
		const one = await upstreamFor(1, 2);
		for (const thing of open.splice(0).reverse()) await thing.close();
		const many = await upstreamFor(200, 2);
		expect(one).toBe(3);
		expect(many).toBe(one);
	});

	it('answers ping with pong, get_stats with counts, and bad input with an error', async () => {
		const p = await proxy();
		const c = client(`${p.url}/ws`);
		await c.waitFor('welcome');
		c.send({ type: 'ping' });
		await c.waitFor('pong');
		c.socket.send('not json');
		c.send({ type: 'subscribe', group: 'weather' });
		c.socket.send(JSON.stringify({ type: 'ping', pad: 'x'.repeat(20_000) }));
		const errors = await c.waitFor('error', 3);
		expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/invalid JSON/), expect.stringMatching(/unknown group 'weather'/), expect.stringMatching(/too large/)]);
		c.send({ type: 'get_stats' });
		const [stats] = await c.waitFor('stats_response');
		expect(stats).toMatchObject({ sessions: 1, messages_received: 5 });
		expect(c.socket.readyState).toBe(WebSocket.OPEN);
	});

	it('aliases pre-subscribe their group', async () => {
		const p = await proxy();
		const market = client(`${p.url}/ws/market_data`);
		const monitoring = client(`${p.url}/api/monitoring/ws`);
		const [welcome] = await market.waitFor('welcome');
		expect(welcome?.subscribed).toEqual(['market']);
		const [update] = await market.waitFor('update');
		expect(update).toMatchObject({ channel: 'global', source: PROVIDER });
		expect((await monitoring.waitFor('welcome'))[0]?.subscribed).toEqual(['providers']);
		// The global request just made shows up in the next providers summary.
		await p.clock.advance(5_000);
		const [summary] = await monitoring.waitFor('provider_stats');
		expect(summary?.providers).toEqual([expect.objectContaining({ provider: PROVIDER, ok: 1 })]);
		expect(p.ws.hub.stats().groups).toMatchObject({ market: 1, providers: 1 });
	});

	it('refuses other paths with 404', async () => {
		const p = await proxy();
		const status = await new Promise<number | undefined>((resolve) => {
			const ws = new WebSocket(`${p.url}/nope`);
			ws.on('unexpected-response', (_req, res) => resolve(res.statusCode));
			ws.on('error', () => resolve(undefined));
		});
		expect(status).toBe(404);
	});

	it('closes a client sending a frame far over the limit (1009)', async () => {
		const p = await proxy();
		const c = client(`${p.url}/ws`);
		await c.waitFor('welcome');
		const code = new Promise<number>((resolve) => c.socket.once('close', (closeCode) => resolve(closeCode)));
		c.socket.send('x'.repeat(2 * 1024 * 1024));
		expect(await code).toBe(1009);
		await until(() => p.ws.hub.stats().sessions === 0);
	});
});
