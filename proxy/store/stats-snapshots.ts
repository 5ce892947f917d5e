import type { StatsSnapshot } from '../../shared/engine/stats';
import type { StoreDb } from './db';

export interface StatsEntry {
	provider: string;
	capability: string;
	snapshot: StatsSnapshot;
}

/**
 * Stats and uptime history per provider + capability (`stats_snapshots`), written with
 * `Stats.snapshot()` and read back with `Stats.restore()`. A save is one transaction, so a
 * crash leaves either the previous set of snapshots or the new one, never a mix.
 */
export class StatsSnapshots {
	constructor(
		private readonly db: StoreDb,
		private readonly now: () => number = Date.now,
	) {}

	save(entries: readonly StatsEntry[]): void {
		const upsert = this.db.statement(
			'INSERT INTO stats_snapshots (provider, capability, snapshot, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (provider, capability) DO UPDATE SET snapshot = excluded.snapshot, updated_at = excluded.updated_at',
		);
		const at = this.now();
		this.db.transaction(() => {
			for (const e of entries) upsert.run(e.provider, e.capability, JSON.stringify(e.snapshot), at);
		});
	}

	load(): StatsEntry[] {
		return this.db
			.statement<{ provider: string; capability: string; snapshot: string }>('SELECT provider, capability, snapshot FROM stats_snapshots ORDER BY provider, capability')
			.all()
			.map((r) => ({ provider: r.provider, capability: r.capability, snapshot: JSON.parse(r.snapshot) as StatsSnapshot }));
	}

	/** Forgets a provider's stats (all capabilities); returns how many rows. */
	delete(provider: string): number {
		return this.db.statement('DELETE FROM stats_snapshots WHERE provider = ?').run(provider).changes;
	}
}
