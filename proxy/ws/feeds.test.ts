import { describe, expect, it } from 'vitest';
import { EventBus, type GetOptions, type Outcome } from '../../shared/engine';
import { FakeClock, flushMicrotasks } from '../../shared/engine/ports/fakes';
import type { Capability, ParamsInput, ResultOf } from '../../shared/model';
import { Feeds, type FeedEngine } from './feeds';
import { Hub } from './hub';
import { FakeConnection } from './testing';

const SAMPLES: Partial<Record<Capability, unknown>> = {
	price: [{ symbol: 'BTC', vs: 'USD', price: 64_000, ts: 1 }],
	markets: [{ rank: 1, symbol: 'BTC' }],
	global: { totalMarketCapUsd: 1, totalVolumeUsd: 1, dominance: {} },
	news: [],
	'fear-greed': [{ value: 50, ts: 1 }]
};

/** Answers every request at once with a canned value, counting requests per capability. */
class FakeEngine implements FeedEngine {
	readonly events = new EventBus();
	readonly calls: Array<{ capability: Capability; options: GetOptions | undefined }> = [];
	constructor(readonly clock: FakeClock) {}

	get<C extends Capability>(capability: C, _params: ParamsInput<C>, options?: GetOptions): Promise<Outcome<ResultOf<C>>> {
		this.calls.push({ capability, options });
		// The canned values stand in for validated results; the feeds only pass them on.
		const data = SAMPLES[capability] as ResultOf<C>;
		const ts = this.clock.now();
		return Promise.resolve({ ok: true, data, source: 'fake', attempts: [], latencyMs: 0, cached: false, stale: false, ts });
	}

	count(capability: Capability): number {
		return this.calls.filter((c) => c.capability === capability).length;
	}
}

function setup() {
	const clock = new FakeClock();
	const hub = new Hub({ clock, idleTimeoutMs: 24 * 3_600_000 });
	const engine = new FakeEngine(clock);
	const feeds = new Feeds(hub, engine, { clock });
	feeds.start();
	const join = (...groups: Parameters<Hub['subscribe']>[1][]) => {
		const conn = new FakeConnection();
		return { conn, session: hub.connect(conn, { subscribe: groups }) };
	};
	return { clock, hub, engine, feeds, join };
}

describe('Feeds', () => {
	it('polls nothing while nobody is subscribed', async () => {
		const { clock, engine, feeds, join } = setup();
		join();
		await clock.advance(10 * 60_000);
		expect(engine.calls).toEqual([]);
		expect(feeds.running()).toEqual([]);
	});

	it('starts a poller with the first subscriber, polls every 15 s, and stops after the last leaves', async () => {
		const { clock, hub, engine, feeds, join } = setup();
		const a = join('prices');
		await flushMicrotasks();
		expect(engine.count('price')).toBe(1);
		expect(engine.calls[0]?.options).toMatchObject({ fresh: true });
		expect(a.conn.of('update')).toEqual([
			{ type: 'update', group: 'prices', channel: 'price', data: SAMPLES.price, source: 'fake', ts: clock.now(), stale: false }
		]);
		const b = join('prices');
		await clock.advance(15_000);
		expect(engine.count('price')).toBe(2);
		hub.unsubscribe(a.session, 'prices');
		await clock.advance(15_000);
		expect(engine.count('price')).toBe(3);
		hub.disconnect(b.session);
		expect(feeds.running()).toEqual([]);
		await clock.advance(60_000);
		expect(engine.count('price')).toBe(3);
	});

	it('1 and 1,000 subscribers cost the same engine requests per interval', async () => {
		const requestsWith = async (subscribers: number): Promise<number> => {
			const { clock, engine, join } = setup();
			for (let i = 0; i < subscribers; i++) join('prices', 'market');
			await clock.advance(5 * 60_000);
			return engine.calls.length;
		};
		const one = await requestsWith(1);
		// prices: 1 + 20 rounds; market: markets and global, 1 + 5 rounds each
		expect(one).toBe(21 + 12);
		expect(await requestsWith(1_000)).toBe(one);
	});

	it('maps each group to its requests and intervals', async () => {
		const { clock, engine, join } = setup();
		join('all');
		await clock.advance(60 * 60_000);
		expect({
			price: engine.count('price'),
			markets: engine.count('markets'),
			global: engine.count('global'),
			news: engine.count('news'),
			'fear-greed': engine.count('fear-greed')
		}).toEqual({ price: 241, markets: 61, global: 61, news: 13, 'fear-greed': 2 });
	});

	it('gives a late subscriber the last update at once, without asking upstream', async () => {
		const { clock, engine, join } = setup();
		join('market');
		await flushMicrotasks();
		await clock.advance(1_000);
		const late = join('market');
		expect(late.conn.of('update').map((u) => u.channel).sort()).toEqual(['global', 'markets']);
		expect(engine.calls).toHaveLength(2);
	});

	it('sends nothing new when the engine repeats the same answer', async () => {
		const { clock, engine, join } = setup();
		const { conn } = join('sentiment');
		await flushMicrotasks();
		const frozen = clock.now();
		engine.get = <C extends Capability>(capability: C) => {
			engine.calls.push({ capability, options: undefined });
			const data = SAMPLES[capability] as ResultOf<C>;
			return Promise.resolve({ ok: true, data, source: 'fake', attempts: [], latencyMs: 0, cached: true, stale: true, ts: frozen });
		};
		await clock.advance(60 * 60_000);
		expect(engine.count('fear-greed')).toBe(2);
		expect(conn.of('update')).toHaveLength(1);
	});

	it('summarises request and breaker events for `providers` every 5 s, only while subscribed', async () => {
		const { clock, hub, engine, join } = setup();
		const emitRequest = (provider: string, ok: boolean, latencyMs: number) =>
			engine.events.emit('request', { capability: 'price', provider, ok, latencyMs, at: clock.now() });
		emitRequest('coingecko', true, 100); // nobody listens yet
		const { conn, session } = join('providers');
		emitRequest('coingecko', true, 100);
		emitRequest('coingecko', false, 300);
		engine.events.emit('breaker', { provider: 'binance', from: 'closed', to: 'open', reason: 'five failures', at: clock.now() });
		await clock.advance(5_000);
		expect(conn.of('provider_stats')).toEqual([
			{
				type: 'provider_stats',
				window_ms: 5_000,
				ts: clock.now(),
				providers: [
					{ provider: 'coingecko', requests: 2, ok: 1, failed: 1, avg_latency_ms: 200 },
					{ provider: 'binance', requests: 0, ok: 0, failed: 0, avg_latency_ms: 0, breaker: 'open' }
				]
			}
		]);
		await clock.advance(5_000); // a quiet window sends nothing
		expect(conn.of('provider_stats')).toHaveLength(1);
		hub.disconnect(session);
		expect(engine.events.has('request')).toBe(false);
	});

	it('passes engine alerts and breaker openings to `alerts`', () => {
		const { engine, join } = setup();
		const { conn } = join('alerts');
		engine.events.emit('alert', { kind: 'quota', message: 'coingecko quota at 90%', at: 5 });
		engine.events.emit('breaker', { provider: 'kraken', from: 'closed', to: 'open', reason: 'timeouts', at: 6 });
		engine.events.emit('breaker', { provider: 'kraken', from: 'open', to: 'half_open', reason: 'cooldown', at: 7 });
		expect(conn.of('alert')).toEqual([
			{ type: 'alert', kind: 'quota', message: 'coingecko quota at 90%', ts: 5 },
			{ type: 'alert', kind: 'breaker_open', message: 'kraken: breaker opened (timeouts)', ts: 6 }
		]);
	});

	it('stop() ends every poller and listener', async () => {
		const { clock, engine, feeds, join } = setup();
		join('all');
		await flushMicrotasks();
		const before = engine.calls.length;
		feeds.stop();
		expect(feeds.running()).toEqual([]);
		expect(engine.events.has('alert')).toBe(false);
		await clock.advance(60 * 60_000);
		expect(engine.calls.length).toBe(before);
	});
});
