import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../shared/engine';
import { EventBus } from '../shared/engine/events';
import { FakeClock } from '../shared/engine/ports/fakes';
import type { Outcome } from '../shared/engine/answer';
import type { ResultOf } from '../shared/model';
import { WorkerAlerts } from './alerts';
import { openMonitorDb, type MonitorDb } from './idb/db';

let db: MonitorDb;
let seq = 0;
beforeEach(async () => {
	db = await openMonitorDb({ name: `alerts-${++seq}-${Math.random().toString(36).slice(2)}` });
});
afterEach(() => db.close());

/**
 * The part of the engine WorkerAlerts uses: `price` answers with whatever BTC price the test sets
 * (a response built by the test, from provider 'test-feed'), counting the calls; a real EventBus.
 */
function priceEngine(clock: FakeClock) {
	const state = { btc: 100, calls: 0 };
	const events = new EventBus();
	const price = async (): Promise<Outcome<ResultOf<'price'>>> => {
		state.calls++;
		return { ok: true, data: [{ symbol: 'BTC', vs: 'USD', price: state.btc, ts: clock.now() }], source: 'test-feed', attempts: [], latencyMs: 1, cached: false, stale: false, ts: clock.now() };
	};
	// Only `price` is ever asked for (symbolsNeeded); the generic signature is the engine's.
	const engine = { get: price, events } as unknown as Pick<Engine, 'get' | 'events'>;
	return { engine, events, state };
}

describe('WorkerAlerts', () => {
	it('fires once per crossing, re-arms past the hysteresis band, keeps rules and alerts in IndexedDB', async () => {
		const clock = new FakeClock();
		const { engine, state } = priceEngine(clock);
		const alerts = new WorkerAlerts(db, () => engine, () => clock.now());
		const added = await alerts.addRule({ kind: 'price-above', symbol: 'BTC', vs: 'USD', threshold: 1_000, hysteresisPct: 1, debounceMinutes: 0 });
		expect(added.ok).toBe(true);
		await alerts.round();
		expect(await alerts.recent()).toEqual([]);

		state.btc = 1_050;
		await clock.advance(15_000);
		await alerts.round();
		await clock.advance(15_000);
		await alerts.round();
		const first = await alerts.recent();
		expect(first).toHaveLength(1);
		expect(first[0]).toMatchObject({ kind: 'price-above', value: 1_050, threshold: 1_000, source: 'test-feed', ts: clock.now() - 15_000 });
		expect(first[0]?.message).toContain('BTC rose above 1,000 USD');

		// Jitter inside the band (1% of 1,000) does not re-arm; a real drop below it does.
		state.btc = 995;
		await alerts.round();
		state.btc = 1_001;
		await alerts.round();
		expect(await alerts.recent()).toHaveLength(1);
		state.btc = 980;
		await alerts.round();
		state.btc = 1_010;
		await clock.advance(15_000);
		await alerts.round();
		const both = await alerts.recent();
		expect(both.map((a) => a.value)).toEqual([1_010, 1_050]);
		expect(state.calls).toBeGreaterThanOrEqual(7);

		// A fresh instance (another tab becoming the leader) reads the same rules and alerts.
		const again = new WorkerAlerts(db, () => engine, () => clock.now());
		expect((await again.rules()).map((r) => r.kind)).toEqual(['price-above']);
		expect(await again.recent(1)).toEqual([both[0]]);
		// … and, the price still above, does not notify of the crossing already reported (a reload).
		await clock.advance(15_000);
		await again.round();
		expect(await again.recent()).toHaveLength(2);
	});

	it('rejects a bad rule with the field named, and deletes only rules that exist', async () => {
		const clock = new FakeClock();
		const alerts = new WorkerAlerts(db, () => priceEngine(clock).engine, () => clock.now());
		const bad = await alerts.addRule({ kind: 'price-above', symbol: 'BTC', vs: 'USD', threshold: 'high' });
		expect(bad).toMatchObject({ ok: false, code: 'bad_params' });
		expect(bad.ok ? '' : bad.message).toContain('threshold');
		expect(await alerts.rules()).toEqual([]);
		expect(await alerts.deleteRule('nope')).toMatchObject({ ok: false, code: 'not_found' });
		const r = await alerts.addRule({ kind: 'price-below', symbol: 'ETH', vs: 'USD', threshold: 10 });
		if (!r.ok) throw new Error(r.message);
		expect(await alerts.deleteRule(r.value.id)).toEqual({ ok: true, value: { deleted: r.value.id } });
		expect(await alerts.rules()).toEqual([]);
	});

	it('fires provider-down from breaker events once the provider stayed down forMinutes', async () => {
		const clock = new FakeClock();
		const { engine, events } = priceEngine(clock);
		const alerts = new WorkerAlerts(db, () => engine, () => clock.now());
		await alerts.addRule({ kind: 'provider-down', providerId: 'kraken', forMinutes: 2, debounceMinutes: 0 });
		await alerts.round();
		events.emit('breaker', { provider: 'kraken', from: 'closed', to: 'open', reason: '5 consecutive failures', at: clock.now() });
		await clock.advance(60_000);
		await alerts.round();
		expect(await alerts.recent()).toEqual([]);
		await clock.advance(61_000);
		await alerts.round();
		await alerts.round();
		const fired = await alerts.recent();
		expect(fired).toHaveLength(1);
		expect(fired[0]).toMatchObject({ kind: 'provider-down' });
		expect(fired[0]?.message).toContain('kraken');
		alerts.stop();
	});
});
