import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HttpRequest, HttpResponse, Transport } from '../../../shared/engine/ports';
import { keyLabelOf, SharedLimits, sharedLimitTransport } from './limits';
import { startTestRedis, type TestRedis } from './testing';

let server: TestRedis;
let redis: Redis;
beforeAll(async () => {
	server = await startTestRedis();
	redis = new Redis(server.url);
}, 20_000);
afterAll(async () => {
	await redis?.quit();
	await server?.stop();
});
beforeEach(() => redis.flushdb());

describe('SharedLimits', () => {
	it('admits exactly the declared count per sliding window, across clients', async () => {
		const other = new Redis(server.url);
		try {
			const one = new SharedLimits(redis);
			const two = new SharedLimits(other);
			const waits = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? one : two).admit('p', 'anonymous', { perMinute: 10 })));
			expect(waits.filter((w) => w === 0)).toHaveLength(10);
			// The wait is until the oldest call leaves the minute.
			for (const w of waits.filter((w) => w > 0)) {
				expect(w).toBeGreaterThan(59_000);
				expect(w).toBeLessThanOrEqual(60_000);
			}
		} finally {
			await other.quit();
		}
	});

	it('frees a slot when the window slides, and keeps budgets apart per provider and key', async () => {
		const limits = new SharedLimits(redis);
		expect(await limits.admit('p', 'key1', { perSecond: 2 })).toBe(0);
		expect(await limits.admit('p', 'key1', { perSecond: 2 })).toBe(0);
		const wait = await limits.admit('p', 'key1', { perSecond: 2 });
		expect(wait).toBeGreaterThan(0);
		expect(wait).toBeLessThanOrEqual(1_000);
		expect(await limits.admit('p', 'key2', { perSecond: 2 })).toBe(0);
		expect(await limits.admit('q', 'key1', { perSecond: 2 })).toBe(0);
		await new Promise((r) => setTimeout(r, wait + 20));
		expect(await limits.admit('p', 'key1', { perSecond: 2 })).toBe(0);
	});

	it('refuses without counting when any window is full, and counts calendar days', async () => {
		const limits = new SharedLimits(redis);
		const spec = { perMinute: 100, perDay: 3 };
		for (let i = 0; i < 3; i++) expect(await limits.admit('p', 'anonymous', spec)).toBe(0);
		const wait = await limits.admit('p', 'anonymous', spec);
		const now = Date.now();
		expect(wait).toBeGreaterThan(0);
		expect(now + wait).toBeGreaterThanOrEqual(Math.floor(now / 86_400_000) * 86_400_000 + 86_400_000 - 1_000);
		// The refused call took nothing from the minute window.
		const [minuteKey] = await redis.keys('cm:rl:{p|anonymous}:w60000');
		expect(await redis.zcard(minuteKey as string)).toBe(3);
		expect(await redis.pttl((await redis.keys('cm:rl:{p|anonymous}:d*'))[0] as string)).toBeGreaterThan(0);
	});

	it('answers a weight no window can hold with a long wait, and no limits with 0', async () => {
		const limits = new SharedLimits(redis);
		expect(await limits.admit('p', 'anonymous', { perMinute: 2 }, 3)).toBeGreaterThan(60_000);
		expect(await limits.admit('p', 'anonymous', {})).toBe(0);
	});

	it('survives a flushed script cache', async () => {
		const limits = new SharedLimits(redis);
		expect(await limits.admit('p', 'anonymous', { perMinute: 5 })).toBe(0);
		await redis.script('FLUSH');
		expect(await limits.admit('p', 'anonymous', { perMinute: 5 })).toBe(0);
	});
});

describe('sharedLimitTransport', () => {
	const ok: HttpResponse = { status: 200, headers: {}, body: '{}' };
	const request = (url: string, headers: Record<string, string> = {}): HttpRequest => ({ url, method: 'GET', headers });

	it('answers 429 with Retry-After, without calling upstream, once the shared budget is spent', async () => {
		let calls = 0;
		const inner: Transport = {
			fetch: () => {
				calls++;
				return Promise.resolve(ok);
			}
		};
		const providers = [{ id: 'p', baseUrl: 'http://up.test/p', limits: { perMinute: 2 }, keys: [''] }];
		const transport = sharedLimitTransport(inner, new SharedLimits(redis), () => providers);
		const abort = { signal: new AbortController().signal };
		const statuses = [];
		for (let i = 0; i < 3; i++) statuses.push((await transport.fetch(request('http://up.test/p/x?a=1'), abort)).status);
		expect(statuses).toEqual([200, 200, 429]);
		expect(calls).toBe(2);
		const refused = await transport.fetch(request('http://up.test/p'), abort);
		expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(59);
		// Another provider whose base URL merely starts the same is not this one.
		expect((await transport.fetch(request('http://up.test/px/y'), abort)).status).toBe(200);
	});

	it('lets calls through when Redis fails', async () => {
		const broken = { admit: () => Promise.reject(new Error('down')) } as unknown as SharedLimits;
		const errors: unknown[] = [];
		const transport = sharedLimitTransport({ fetch: () => Promise.resolve(ok) }, broken, () => [{ id: 'p', baseUrl: 'http://up.test/p', limits: { perMinute: 1 }, keys: [''] }], (e) => errors.push(e));
		expect((await transport.fetch(request('http://up.test/p/x'), { signal: new AbortController().signal })).status).toBe(200);
		expect(errors).toHaveLength(1);
	});

	it('labels the key a request carries as the engine does, never with the secret', () => {
		const keys = ['s3cret-one', 's3cret-two'];
		expect(keyLabelOf(keys, request('http://x/?apiKey=s3cret-two'))).toBe('key2');
		expect(keyLabelOf(keys, request('http://x/', { 'x-api-key': 's3cret-one' }))).toBe('key1');
		expect(keyLabelOf([''], request('http://x/'))).toBe('anonymous');
	});
});
