import { describe, expect, it } from 'vitest';
import { fail, ok, type Result } from '../shared/api/monitor';
import { FakeClock } from '../shared/engine/ports';
import { flushMicrotasks } from '../shared/engine/ports/fakes';
import { requestKey } from './api';
import { Scheduler, type Answer } from './scheduler';

const answer = (ts: number, source = 'coingecko', stale = false): Answer => ({ data: [{ symbol: 'BTC', price: ts }], source, ts, cached: false, stale, latencyMs: 5 });

interface Harness {
	clock: FakeClock;
	scheduler: Scheduler;
	calls: Array<{ capability: string; params: unknown }>;
	stored: Map<string, Answer>;
	/** What the next fetches answer (the last one repeats). */
	answers: Array<Result<Answer> | Promise<Result<Answer>>>;
}

function harness(initial: Record<string, Answer> = {}, recallDelayMs = 0): Harness {
	const clock = new FakeClock();
	const calls: Harness['calls'] = [];
	const stored = new Map(Object.entries(initial));
	const h: Harness = { clock, calls, stored, answers: [], scheduler: undefined as never };
	h.scheduler = new Scheduler({
		clock,
		fetch: async (capability, params) => {
			calls.push({ capability, params });
			const next = h.answers.length > 1 ? h.answers.shift() : h.answers[0];
			return (await next) ?? fail('all_failed', 'nothing scripted');
		},
		recall: (key) =>
			recallDelayMs === 0
				? Promise.resolve(stored.get(key))
				: new Promise((resolve) => {
						clock.setTimeout(() => resolve(stored.get(key)), recallDelayMs);
					}),
		remember: async (key, a) => {
			stored.set(key, a);
		},
	});
	return h;
}

const PRICE = { symbols: ['BTC'] };
const KEY = requestKey('price', PRICE);

describe('Scheduler', () => {
	it('shows the last known answer first, marked stale with its real ts, then the fresh one, and remembers it', async () => {
		const h = harness({ [KEY]: answer(1_000) });
		let release!: (r: Result<Answer>) => void;
		h.answers.push(new Promise((resolve) => (release = resolve)));
		const seen: Result<Answer>[] = [];
		h.scheduler.watch('price', PRICE, 10_000, (r) => seen.push(r));
		await flushMicrotasks();
		expect(seen).toEqual([ok({ ...answer(1_000), cached: true, stale: true })]);
		release(ok(answer(h.clock.now())));
		await flushMicrotasks();
		expect(seen[1]).toEqual(ok(answer(h.clock.now())));
		expect(h.stored.get(KEY)).toEqual(answer(h.clock.now()));
	});

	it('skips the last known answer when a fresh one arrived first', async () => {
		const h = harness({ [KEY]: answer(1_000) }, 50);
		h.answers.push(ok(answer(5_000)));
		const seen: Result<Answer>[] = [];
		h.scheduler.watch('price', PRICE, 10_000, (r) => seen.push(r));
		await flushMicrotasks();
		expect(seen).toEqual([ok(answer(5_000))]);
		// The stored answer shows up later: it is not shown over the fresh one.
		await h.clock.advance(100);
		expect(seen).toEqual([ok(answer(5_000))]);
	});

	it('polls at the interval while watched and stops when unwatched', async () => {
		const h = harness();
		h.answers.push(ok(answer(1)));
		const id = h.scheduler.watch('price', PRICE, 5_000, () => undefined);
		await flushMicrotasks();
		expect(h.calls).toHaveLength(1);
		await h.clock.advance(5_000);
		expect(h.calls).toHaveLength(2);
		await h.clock.advance(15_000);
		expect(h.calls).toHaveLength(5);
		h.scheduler.unwatch(id);
		await h.clock.advance(60_000);
		expect(h.calls).toHaveLength(5);
		expect(h.clock.pendingTimers).toBe(0);
	});

	it('shares one request and one timer between identical watches, at the shortest interval', async () => {
		const h = harness();
		h.answers.push(ok(answer(1)));
		const a: Result<Answer>[] = [];
		const b: Result<Answer>[] = [];
		const first = h.scheduler.watch('price', { symbols: ['BTC'] }, 30_000, (r) => a.push(r));
		await flushMicrotasks();
		// Same request with keys in another order: the same watch group.
		const second = h.scheduler.watch('price', { symbols: ['BTC'] }, 10_000, (r) => b.push(r));
		await flushMicrotasks();
		expect(h.scheduler.polling).toBe(1);
		expect(h.calls).toHaveLength(1);
		expect(b).toHaveLength(1);
		await h.clock.advance(10_000);
		expect(h.calls).toHaveLength(2);
		expect(a).toHaveLength(2);
		expect(b).toHaveLength(2);
		h.scheduler.unwatch(second);
		// The poll already planned still runs; after it, the remaining watch's 30 s applies.
		await h.clock.advance(10_000);
		expect(h.calls).toHaveLength(3);
		await h.clock.advance(29_999);
		expect(h.calls).toHaveLength(3);
		await h.clock.advance(1);
		expect(h.calls).toHaveLength(4);
		h.scheduler.unwatch(first);
		expect(h.scheduler.polling).toBe(0);
	});

	it('keeps different params and options apart', async () => {
		const h = harness();
		h.answers.push(ok(answer(1)));
		h.scheduler.watch('price', { symbols: ['BTC'] }, 10_000, () => undefined);
		h.scheduler.watch('price', { symbols: ['ETH'] }, 10_000, () => undefined);
		h.scheduler.watch('price', { symbols: ['BTC'] }, 10_000, () => undefined, { pool: 'primary-market-data' });
		await flushMicrotasks();
		expect(h.scheduler.polling).toBe(3);
		expect(h.calls).toHaveLength(3);
	});

	it('on failure delivers the last good answer again, marked stale; without one, the failure', async () => {
		const h = harness();
		h.answers.push(ok(answer(1_000)), fail('all_failed', 'price: everyone is down'));
		const seen: Result<Answer>[] = [];
		h.scheduler.watch('price', PRICE, 5_000, (r) => seen.push(r));
		await flushMicrotasks();
		await h.clock.advance(5_000);
		expect(seen).toEqual([ok(answer(1_000)), ok({ ...answer(1_000), cached: true, stale: true })]);

		const other = harness();
		other.answers.push(fail('all_failed', 'news: everyone is down'));
		const got: Result<Answer>[] = [];
		other.scheduler.watch('news', {}, 5_000, (r) => got.push(r));
		await flushMicrotasks();
		expect(got).toEqual([fail('all_failed', 'news: everyone is down')]);
	});

	it('offline from the start: the stored answer is shown stale and stays after each failed poll', async () => {
		const h = harness({ [KEY]: answer(1_000) });
		h.answers.push(fail('all_failed', 'offline'));
		const seen: Result<Answer>[] = [];
		h.scheduler.watch('price', PRICE, 5_000, (r) => seen.push(r));
		await flushMicrotasks();
		await h.clock.advance(5_000);
		expect(seen.length).toBeGreaterThanOrEqual(2);
		for (const r of seen) expect(r).toEqual(ok({ ...answer(1_000), cached: true, stale: true }));
		expect(h.stored.get(KEY)).toEqual(answer(1_000));
	});

	it('unwatches a listener whose page is gone', async () => {
		const h = harness();
		h.answers.push(ok(answer(1)));
		h.scheduler.watch('price', PRICE, 5_000, () => Promise.reject(new Error('closed')));
		await flushMicrotasks();
		expect(h.scheduler.watching).toBe(0);
		await h.clock.advance(20_000);
		expect(h.calls).toHaveLength(1);
	});

	it('clamps intervals to at least one second', async () => {
		const h = harness();
		h.answers.push(ok(answer(1)));
		h.scheduler.watch('price', PRICE, 10, () => undefined);
		await flushMicrotasks();
		await h.clock.advance(999);
		expect(h.calls).toHaveLength(1);
		await h.clock.advance(1);
		expect(h.calls).toHaveLength(2);
	});

	it('runs health probes every interval until stopped', async () => {
		const h = harness();
		let probes = 0;
		h.scheduler.startProbes(async () => {
			probes++;
		}, 180_000);
		await h.clock.advance(179_999);
		expect(probes).toBe(0);
		await h.clock.advance(1);
		expect(probes).toBe(1);
		await h.clock.advance(360_000);
		expect(probes).toBe(3);
		h.scheduler.stopProbes();
		await h.clock.advance(600_000);
		expect(probes).toBe(3);
		expect(h.clock.pendingTimers).toBe(0);
	});
});
