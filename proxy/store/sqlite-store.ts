import type { Store } from '../../shared/engine';
import type { StoreDb } from './db';

/**
 * The engine's Store port over the `kv` table. Each call is one statement, so a write is durable
 * (see db.ts on `synchronous`) once its promise resolves. Values are JSON: like MemoryStore's
 * structured clone, the caller never shares an object with the store.
 */
export class SqliteStore implements Store {
	constructor(
		private readonly db: StoreDb,
		private readonly now: () => number = Date.now,
	) {}

	async get<T>(key: string): Promise<T | undefined> {
		const row = this.db.statement<{ value: string }>('SELECT value FROM kv WHERE key = ?').get(key);
		return row === undefined ? undefined : (JSON.parse(row.value) as T);
	}

	async set<T>(key: string, value: T): Promise<void> {
		const json = JSON.stringify(value);
		// undefined (and functions) have no JSON: storing one reads back as absent, as with MemoryStore.
		if (json === undefined) return this.delete(key);
		this.db
			.statement('INSERT INTO kv (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at')
			.run(key, json, this.now());
	}

	async delete(key: string): Promise<void> {
		this.db.statement('DELETE FROM kv WHERE key = ?').run(key);
	}

	/**
	 * Keys starting with `prefix`, in order. Keys sharing a prefix are one contiguous run of the
	 * primary key's order starting at the prefix itself, so this walks the index from there and
	 * stops at the first key past the run: no LIKE (whose % and _ a prefix could contain).
	 */
	async keys(prefix: string): Promise<string[]> {
		const out: string[] = [];
		for (const row of this.db.statement<{ key: string }>('SELECT key FROM kv WHERE key >= ? ORDER BY key').iterate(prefix)) {
			if (!row.key.startsWith(prefix)) break;
			out.push(row.key);
		}
		return out;
	}
}
