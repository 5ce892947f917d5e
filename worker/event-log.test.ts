import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Engine, FakeClock, MemoryStore, noSecrets, SeededRandom } from '../shared/engine';
import { EventLog, secretRedactor } from './event-log';
import { openMonitorDb, type MonitorDb } from './idb/db';
import { LogStore } from './idb/logs';

let db: MonitorDb;
let seq = 0;
beforeEach(async () => {
	db = await openMonitorDb({ name: `event-log-${++seq}-${Math.random().toString(36).slice(2)}` });
});
afterEach(() => db.close());

const engineOn = (clock: FakeClock) =>
	new Engine({ providers: [], ports: { clock, random: new SeededRandom(1), transport: { fetch: () => Promise.reject(new Error('no network')) }, store: new MemoryStore(), secrets: noSecrets } });

describe('EventLog', () => {
	it('writes engine events in batches, as the proxy words them, with keys redacted', async () => {
		const clock = new FakeClock();
		const store = new LogStore(db, () => clock.now());
		const log = new EventLog(store, clock, { flushMs: 1_000, redact: secretRedactor(['user-KEY-abcdef']) });
		const engine = engineOn(clock);
		log.attach(engine);
		engine.events.emit('breaker', { provider: 'kraken', from: 'closed', to: 'open', reason: '5 consecutive failures', at: clock.now() });
		engine.events.emit('request', { capability: 'price', provider: 'kraken', ok: true, latencyMs: 5, at: clock.now() });
		engine.events.emit('alert', { kind: 'quota', message: 'key user-KEY-abcdef is spent', at: clock.now() });
		expect(log.pending).toBe(2);
		expect(await store.query()).toEqual([]);
		await clock.advance(1_000);
		await log.flush();
		const rows = await store.query();
		// Newest first; same time, so the later entry first.
		expect(rows.map((r) => [r.level, r.kind, r.provider])).toEqual([
			['warn', 'alert', null],
			['warn', 'breaker', 'kraken'],
		]);
		expect(rows[1]?.message).toBe('kraken breaker closed -> open: 5 consecutive failures');
		expect(JSON.stringify(rows)).not.toContain('user-KEY-abcdef');
		await log.close();
	});

	it('drops what does not fit between writes and says how many', async () => {
		const clock = new FakeClock();
		const store = new LogStore(db, () => clock.now());
		const log = new EventLog(store, clock, { maxPending: 3 });
		for (let i = 0; i < 5; i++) log.push({ level: 'info', kind: 'rotation', message: `r${i}`, at: clock.now() });
		expect(await log.flush()).toBe(4);
		const rows = await store.query();
		expect(rows.find((r) => r.kind === 'log')?.message).toMatch(/^2 log entries dropped/);
		await log.close();
	});

	it('stops listening to an engine it was detached from', async () => {
		const clock = new FakeClock();
		const store = new LogStore(db, () => clock.now());
		const log = new EventLog(store, clock);
		const first = engineOn(clock);
		const second = engineOn(clock);
		log.attach(first);
		log.attach(second);
		first.events.emit('alert', { kind: 'x', message: 'old engine', at: 1 });
		second.events.emit('alert', { kind: 'x', message: 'new engine', at: 2 });
		await log.close();
		expect((await store.query()).map((r) => r.message)).toEqual(['x: new engine']);
	});
});
