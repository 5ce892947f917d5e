import type { StatsSnapshot } from '../../shared/engine/stats';
import type { MonitorDb, StatsRecord } from './db';

export interface StatsEntry {
	provider: string;
	capability: string;
	snapshot: StatsSnapshot;
}

/** What Stats.restore needs; a record written by another version that does not match is skipped. */
function isSnapshot(s: unknown): s is StatsSnapshot {
	if (s === null || typeof s !== 'object') return false;
	const x = s as Record<string, unknown>;
	return x.v === 1 && typeof x.requests === 'number' && typeof x.successes === 'number' && typeof x.histogram === 'object' && x.histogram !== null && typeof x.uptime === 'object' && x.uptime !== null;
}

/**
 * The `stats` store: stats and uptime history (Stats.snapshot()) per provider and capability,
 * saved periodically and restored into the engine on start. A save is one transaction.
 */
export class StatsStore {
	constructor(
		private readonly db: MonitorDb,
		private readonly now: () => number = Date.now,
	) {}

	async save(entries: readonly StatsEntry[]): Promise<void> {
		if (entries.length === 0) return;
		const at = this.now();
		const tx = this.db.transaction('stats', 'readwrite');
		for (const e of entries) void tx.store.put({ provider: e.provider, capability: e.capability, snapshot: e.snapshot, updatedAt: at } satisfies StatsRecord);
		await tx.done;
	}

	async load(): Promise<StatsEntry[]> {
		return (await this.db.getAll('stats')).filter((r) => isSnapshot(r.snapshot)).map((r) => ({ provider: r.provider, capability: r.capability, snapshot: r.snapshot }));
	}

	/** Forgets one provider's history; returns how many records. */
	async forget(provider: string): Promise<number> {
		const tx = this.db.transaction('stats', 'readwrite');
		const keys = await tx.store.index('provider').getAllKeys(provider);
		for (const k of keys) void tx.store.delete(k);
		await tx.done;
		return keys.length;
	}
}
