/**
 * Scale-out on Redis: two proxy processes (`node --import tsx proxy/server.ts`) on one private
 * redis-server behave as one. A provider's limit of N per minute holds across both together; a
 * breaker opened by one is open in the other; a WebSocket client of the second receives the price
 * update polled by the first; an answer one fetched is a cache hit in the other.
 *
 * The test starts its own redis-server on a free port (`--save '' --appendonly no`) and never
 * touches the machine's 6379. redis-server missing is a failure, not a skip (.ci/run installs it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startTestRedis, type TestRedis } from '../../proxy/store/redis/testing';
import { allProviders } from '../../shared/catalog/registry';
import { startSimulator, type Simulator } from '../sim/server';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ADMIN = 'scale-out-admin-token-0123456789';
/** Keyless, with fixtures in the simulator and a small declared limit. */
const LIMITED = 'bitfinex';
const LIMITED_CAPABILITY = 'ticker';
const BROKEN = 'alternative-me';
const BROKEN_CAPABILITY = 'fear-greed';

interface Proc {
	child: ChildProcess;
	url: string;
	output: string[];
}

const started: ChildProcess[] = [];
const dirs: string[] = [];
let redis: TestRedis | undefined;
let sim: Simulator;
let a: Proc;
let b: Proc;

function startProxy(name: string): Promise<Proc> {
	const dataDir = mkdtempSync(join(tmpdir(), `cm-scale-${name}-`));
	dirs.push(dataDir);
	const child = spawn(process.execPath, ['--import', 'tsx', 'proxy/server.ts'], {
		cwd: root,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			PATH: process.env.PATH,
			HOME: process.env.HOME,
			PORT: '0',
			HOST: '127.0.0.1',
			CM_DATA_DIR: dataDir,
			CM_ADMIN_TOKEN: ADMIN,
			CM_RATE_LIMIT_PER_MIN: '100000',
			REDIS_URL: redis?.url,
			CM_BASE_URLS: JSON.stringify({ '*': `${sim.url}/{id}` })
		}
	});
	started.push(child);
	const output: string[] = [];
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`proxy ${name} did not start:\n${output.join('')}`)), 30_000);
		const onData = (chunk: Buffer) => {
			const text = String(chunk);
			output.push(text);
			const m = /Crypto Monitor proxy on (http:\/\/\S+)/.exec(output.join(''));
			if (m?.[1]) {
				clearTimeout(timer);
				resolve({ child, url: m[1], output });
			}
		};
		child.stdout?.on('data', onData);
		child.stderr?.on('data', onData);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`proxy ${name} exited (${code}):\n${output.join('')}`));
		});
	});
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function json<T>(url: string, init?: RequestInit): Promise<{ status: number; body: T }> {
	const res = await fetch(url, init);
	return { status: res.status, body: (await res.json()) as T };
}

interface ProviderDetail {
	state: string;
	requests: number;
	breaker: { state: string; openUntil: number; trips: number };
}

beforeAll(async () => {
	redis = await startTestRedis();
	sim = await startSimulator({ providers: allProviders() });
	[a, b] = await Promise.all([startProxy('a'), startProxy('b')]);
}, 90_000);

afterAll(async () => {
	for (const child of started.reverse()) {
		if (child.exitCode === null && child.pid !== undefined) {
			const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
			child.kill('SIGTERM');
			await Promise.race([exited, sleep(6_000)]);
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
		}
	}
	await sim?.close();
	await redis?.stop();
	for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('two proxy processes on one Redis', () => {
	it(`hold ${LIMITED}'s per-minute limit together`, async () => {
		const limit = allProviders().find((p) => p.id === LIMITED)?.limits.perMinute;
		expect(limit).toBeGreaterThan(0);
		const n = limit as number;
		const before = sim.requests(LIMITED);
		// 3N fresh calls (a health check bypasses the cache), alternating between the processes.
		let answered = 0;
		for (let i = 0; i < 3 * n; i++) {
			const proxy = i % 2 === 0 ? a : b;
			const r = await json<{ ok: boolean }>(`${proxy.url}/api/providers/${LIMITED}/health-check?capability=${LIMITED_CAPABILITY}`);
			expect(r.status).toBe(200);
			// ok: a fresh answer from the provider itself (not a stale cached one).
			if (r.body.ok) answered++;
		}
		const upstream = sim.requests(LIMITED) - before;
		// Each process alone would let N through (2N together); shared, N in all.
		expect(upstream).toBeLessThanOrEqual(n);
		expect(upstream).toBeGreaterThan(n / 2);
		expect(answered).toBe(upstream);
		// Both processes made calls that went upstream.
		const [da, db] = await Promise.all([json<ProviderDetail>(`${a.url}/api/providers/${LIMITED}`), json<ProviderDetail>(`${b.url}/api/providers/${LIMITED}`)]);
		expect(da.body.requests).toBeGreaterThan(0);
		expect(db.body.requests).toBeGreaterThan(0);
	}, 60_000);

	it('share a breaker opened by one with the other', async () => {
		sim.setFault(BROKEN, { kind: 'server_error' });
		try {
			for (let i = 0; i < 8; i++) {
				const r = await json<ProviderDetail>(`${a.url}/api/providers/${BROKEN}`);
				if (r.body.state === 'open') break;
				await fetch(`${a.url}/api/providers/${BROKEN}/health-check?capability=${BROKEN_CAPABILITY}`);
			}
			const da = await json<ProviderDetail>(`${a.url}/api/providers/${BROKEN}`);
			expect(da.body.state).toBe('open');
			let db = await json<ProviderDetail>(`${b.url}/api/providers/${BROKEN}`);
			for (let i = 0; i < 50 && db.body.state !== 'open'; i++) {
				await sleep(50);
				db = await json<ProviderDetail>(`${b.url}/api/providers/${BROKEN}`);
			}
			expect(db.body.state).toBe('open');
			expect(db.body.breaker.openUntil).toBe(da.body.breaker.openUntil);
			// B never called the provider: the breaker came from A.
			expect(db.body.requests).toBe(0);
			expect(db.body.breaker.trips).toBe(0);
			// And B refuses to call it now.
			const before = sim.requests(BROKEN);
			// (No attempt at all: a provider whose breaker is open is not a candidate.)
			const probe = await json<{ ok: boolean; outcome: string }>(`${b.url}/api/providers/${BROKEN}/health-check?capability=${BROKEN_CAPABILITY}`);
			expect(probe.body.ok).toBe(false);
			expect(['breaker_open', 'all_failed']).toContain(probe.body.outcome);
			expect(sim.requests(BROKEN)).toBe(before);
		} finally {
			sim.clearFaults(BROKEN);
		}
	}, 30_000);

	it("deliver A's price updates to a WebSocket client of B, once each", async () => {
		const clientA = await connect(`${a.url.replace('http', 'ws')}/ws`);
		const clientB = await connect(`${b.url.replace('http', 'ws')}/ws`);
		try {
			clientA.send({ type: 'subscribe', group: 'prices' });
			// A takes the prices lease and polls: its client gets the update.
			const first = await clientA.next((m) => m.type === 'update' && m.channel === 'price', 20_000);
			clientB.send({ type: 'subscribe', group: 'prices' });
			// B's own poller finds the lease held by A: B's client gets A's update, polled by A.
			const got = await clientB.next((m) => m.type === 'update' && m.channel === 'price', 20_000);
			expect(got.ts).toBe(first.ts);
			// A asked upstream for prices, B did not.
			const priceCalls = /cm_upstream_requests_total\{[^}]*capability="price"[^}]*\} [1-9]/;
			expect(await (await fetch(`${a.url}/metrics`)).text()).toMatch(priceCalls);
			expect(await (await fetch(`${b.url}/metrics`)).text()).not.toMatch(priceCalls);
			// The next round reaches both clients, each once.
			const nextA = await clientA.next((m) => m.type === 'update' && m.channel === 'price' && m.ts !== first.ts, 25_000);
			const nextB = await clientB.next((m) => m.type === 'update' && m.channel === 'price' && m.ts !== first.ts, 25_000);
			expect(nextB.ts).toBe(nextA.ts);
			await sleep(300);
			expect(clientA.updates(nextA.ts)).toBe(1);
			expect(clientB.updates(nextA.ts)).toBe(1);
		} finally {
			clientA.close();
			clientB.close();
		}
	}, 70_000);

	it('serve from one process an answer the other fetched (shared cache)', async () => {
		const path = '/api/data/global';
		const first = await json<{ ok: boolean; source: string; cached: boolean; ts: number }>(`${a.url}${path}`);
		expect(first.status).toBe(200);
		const before = sim.requests(first.body.source);
		// The entry travels over Redis pub/sub: give it a moment.
		await sleep(300);
		const second = await json<{ ok: boolean; source: string; cached: boolean; ts: number }>(`${b.url}${path}`);
		expect(second.status).toBe(200);
		expect(second.body.cached).toBe(true);
		expect(second.body.ts).toBe(first.body.ts);
		expect(sim.requests(first.body.source)).toBe(before);
	}, 30_000);
});

interface Message {
	type: string;
	channel?: string;
	ts?: number;
}

interface TestClient {
	send(message: unknown): void;
	next(match: (m: Message) => boolean, timeoutMs: number): Promise<Message>;
	updates(ts: number | undefined): number;
	close(): void;
}

function connect(url: string): Promise<TestClient> {
	const socket = new WebSocket(url);
	const messages: Message[] = [];
	const waiters = new Set<() => void>();
	socket.on('message', (data) => {
		messages.push(JSON.parse(String(data)) as Message);
		for (const w of waiters) w();
	});
	return new Promise((resolve, reject) => {
		socket.once('error', reject);
		socket.once('open', () =>
			resolve({
				send: (message) => socket.send(JSON.stringify(message)),
				next(match, timeoutMs) {
					let seen = 0;
					return new Promise((res, rej) => {
						const check = () => {
							for (; seen < messages.length; seen++) {
								const m = messages[seen] as Message;
								if (match(m)) {
									waiters.delete(check);
									clearTimeout(timer);
									return res(m);
								}
							}
						};
						const timer = setTimeout(() => {
							waiters.delete(check);
							rej(new Error(`no matching message in ${timeoutMs} ms; got ${messages.map((m) => m.type).join(', ')}`));
						}, timeoutMs);
						waiters.add(check);
						check();
					});
				},
				updates: (ts) => messages.filter((m) => m.type === 'update' && m.channel === 'price' && m.ts === ts).length,
				close: () => socket.terminate()
			})
		);
	});
}
