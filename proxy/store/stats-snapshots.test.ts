import { describe, expect, it } from 'vitest';
import { Stats } from '../../shared/engine';
import { StatsSnapshots } from './stats-snapshots';
import { useTempData } from './testing';

const temp = useTempData();

describe('StatsSnapshots', () => {
	it('saves Stats snapshots that restore to the same numbers after a reopen', () => {
		const stats = new Stats();
		for (let i = 0; i < 20; i++) stats.record({ ok: i % 4 !== 0, kind: 'timeout', latencyMs: 50 + i, at: Date.UTC(2025, 0, 1) + i * 60_000 });
		const db = temp.open();
		new StatsSnapshots(db).save([{ provider: 'kraken', capability: 'price', snapshot: stats.snapshot() }]);
		db.close();

		const [entry] = new StatsSnapshots(temp.open()).load();
		expect(entry).toMatchObject({ provider: 'kraken', capability: 'price' });
		const back = Stats.restore(entry!.snapshot);
		expect(back.snapshot()).toEqual(stats.snapshot());
		expect(back.p95()).toBe(stats.p95());
		expect(back.successRate()).toBe(0.75);
	});

	it('overwrites per provider + capability and forgets a provider', () => {
		const s = new StatsSnapshots(temp.open());
		const snap = new Stats().snapshot();
		s.save([
			{ provider: 'a', capability: 'price', snapshot: snap },
			{ provider: 'a', capability: 'markets', snapshot: snap },
			{ provider: 'b', capability: 'price', snapshot: snap },
		]);
		s.save([{ provider: 'a', capability: 'price', snapshot: { ...snap, requests: 9 } }]);
		expect(s.load().map((e) => [e.provider, e.capability, e.snapshot.requests])).toEqual([
			['a', 'markets', 0],
			['a', 'price', 9],
			['b', 'price', 0],
		]);
		expect(s.delete('a')).toBe(2);
		expect(s.load()).toHaveLength(1);
	});
});
