import type { Store } from '../../shared/engine/ports';
import type { MonitorDb } from './db';

/** Every string starting with `prefix` sorts between it and prefix + U+FFFF. */
const byPrefix = (prefix: string): IDBKeyRange => IDBKeyRange.bound(prefix, `${prefix}\uffff`);

/**
 * The engine's Store port over the `kv` store: quotas (`quota:<id>`), breaker state
 * (`breaker:<id>`), learned symbols and the worker's own small values. IndexedDB structured-clones
 * what it stores, so callers never share mutable state with it.
 */
export class IdbStore implements Store {
	constructor(private readonly db: MonitorDb) {}

	async get<T>(key: string): Promise<T | undefined> {
		return (await this.db.get('kv', key)) as T | undefined;
	}

	async set<T>(key: string, value: T): Promise<void> {
		await this.db.put('kv', value, key);
	}

	async delete(key: string): Promise<void> {
		await this.db.delete('kv', key);
	}

	async keys(prefix: string): Promise<string[]> {
		return this.db.getAllKeys('kv', byPrefix(prefix));
	}

	/** Every entry under a prefix, read in one transaction (what the engine restores at start). */
	async entries(prefix: string): Promise<Array<[string, unknown]>> {
		const tx = this.db.transaction('kv');
		const [keys, values] = await Promise.all([tx.store.getAllKeys(byPrefix(prefix)), tx.store.getAll(byPrefix(prefix))]);
		await tx.done;
		return keys.map((k, i) => [k, values[i]]);
	}
}
