import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alternativeMe } from '../../../shared/catalog/providers/alternative-me';
import { Engine, MemoryStore, noSecrets, systemClock, systemRandom } from '../../../shared/engine';
import { breakerSync, type BreakerSync } from './breakers';
import { startTestRedis, type TestRedis } from './testing';

let server: TestRedis;
const closers: Array<() => Promise<unknown> | void> = [];
beforeAll(async () => {
	server = await startTestRedis();
}, 20_000);
afterAll(async () => {
	for (const close of closers.reverse()) await close();
	await server?.stop();
});

/** An engine with one provider and its breaker sync, as one proxy process has. */
async function node(origin: string): Promise<{ engine: Engine; sync: BreakerSync; published: () => number }> {
	const engine = new Engine({
		providers: [alternativeMe],
		ports: { clock: systemClock, random: systemRandom, transport: { fetch: () => Promise.reject(new Error('offline')) }, store: new MemoryStore(), secrets: noSecrets }
	});
	const pub = new Redis(server.url);
	const sub = new Redis(server.url);
	let count = 0;
	const spy = new Redis(server.url);
	await spy.subscribe('cm:breakers');
	spy.on('message', (_channel: string, text: string) => {
		if ((JSON.parse(text) as { origin: string }).origin === origin) count++;
	});
	const sync = breakerSync(engine, pub, sub, origin, (e) => {
		throw e;
	});
	await sync.start();
	closers.push(
		() => sync.stop(),
		() => pub.quit(),
		() => sub.quit(),
		() => spy.quit(),
		() => engine.close()
	);
	return { engine, sync, published: () => count };
}

const settle = () => new Promise((r) => setTimeout(r, 150));

describe('breakerSync', () => {
	it('opens, forces and closes the same breaker in the other process, without echo, and tells late starters', async () => {
		const a = await node('a');
		const b = await node('b');
		const ra = a.engine.runtime(alternativeMe.id);
		const rb = b.engine.runtime(alternativeMe.id);
		if (!ra || !rb) throw new Error('no runtime');

		for (let i = 0; i < 5; i++) ra.breaker.onFailure('network');
		expect(ra.breaker.state).toBe('open');
		await settle();
		expect(rb.breaker.state).toBe('open');
		expect(rb.breaker.toJSON().openUntil).toBe(ra.breaker.toJSON().openUntil);
		expect(rb.breaker.toJSON().trips).toBe(0);
		// B applied it without publishing it back.
		expect(b.published()).toBe(0);
		expect(a.published()).toBe(1);

		// A process starting now reads the open breaker from the hash.
		const c = await node('c');
		expect(c.engine.runtime(alternativeMe.id)?.breaker.state).toBe('open');

		const endpoint = rb.endpoints.get('fear-greed');
		endpoint?.forceOpen();
		await settle();
		expect(ra.endpoints.get('fear-greed')?.state).toBe('forced_open');

		ra.breaker.reset();
		endpoint?.reset();
		await settle();
		expect(rb.breaker.state).toBe('closed');
		expect(ra.endpoints.get('fear-greed')?.state).toBe('closed');
		expect(c.engine.runtime(alternativeMe.id)?.breaker.state).toBe('closed');
	});
});
