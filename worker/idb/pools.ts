import { PoolConfig } from '../../shared/engine/pool';
import type { MonitorDb, PoolRecord } from './db';

/**
 * The `pools` store: user pools and the user's edits of seed pools, restored on the next start.
 * A seed pool the user deleted is kept as `config: null`, so it stays deleted.
 */
export class PoolStore {
	constructor(
		private readonly db: MonitorDb,
		private readonly now: () => number = Date.now,
	) {}

	/** Every record; a stored config that no longer parses is skipped (the seed definition, if any, applies). */
	async all(): Promise<PoolRecord[]> {
		const out: PoolRecord[] = [];
		for (const r of await this.db.getAll('pools')) {
			if (r.config === null) out.push(r);
			else {
				const parsed = PoolConfig.safeParse(r.config);
				if (parsed.success) out.push({ ...r, config: parsed.data });
			}
		}
		return out;
	}

	/** Stored pool configs (not the deletions). */
	async configs(): Promise<PoolConfig[]> {
		return (await this.all()).flatMap((r) => (r.config ? [r.config] : []));
	}

	/** Validates first: an invalid config changes nothing and returns false. */
	async put(config: unknown): Promise<boolean> {
		const parsed = PoolConfig.safeParse(config);
		if (!parsed.success) return false;
		await this.db.put('pools', { id: parsed.data.id, config: parsed.data, updatedAt: this.now() });
		return true;
	}

	/** Forgets a pool; `tombstone` keeps a marker so a seed pool of that id is not restored. */
	async remove(id: string, tombstone: boolean): Promise<void> {
		if (tombstone) await this.db.put('pools', { id, config: null, updatedAt: this.now() });
		else await this.db.delete('pools', id);
	}
}
