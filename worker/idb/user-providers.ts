import { NewUserProvider } from '../../shared/api/rest';
import type { NewUserProviderT } from '../../shared/api/monitor';
import type { MonitorDb } from './db';

/**
 * The `userProviders` store: providers the user added (data only, like the proxy's: they are
 * listed with `live: false` and do not become adapters).
 */
export class UserProviderStore {
	constructor(
		private readonly db: MonitorDb,
		private readonly now: () => number = Date.now,
	) {}

	/** Every stored provider that still validates, by id. */
	async all(): Promise<NewUserProviderT[]> {
		const out: NewUserProviderT[] = [];
		for (const r of await this.db.getAll('userProviders')) {
			const { createdAt: _createdAt, ...spec } = r;
			const parsed = NewUserProvider.safeParse(spec);
			if (parsed.success) out.push(parsed.data);
		}
		return out;
	}

	async get(id: string): Promise<NewUserProviderT | undefined> {
		const r = await this.db.get('userProviders', id);
		if (!r) return undefined;
		const { createdAt: _createdAt, ...spec } = r;
		const parsed = NewUserProvider.safeParse(spec);
		return parsed.success ? parsed.data : undefined;
	}

	/** Validates first: an invalid provider changes nothing and returns false. */
	async put(provider: unknown): Promise<boolean> {
		const parsed = NewUserProvider.safeParse(provider);
		if (!parsed.success) return false;
		await this.db.put('userProviders', { ...parsed.data, createdAt: this.now() });
		return true;
	}

	/** True when a provider was deleted. */
	async delete(id: string): Promise<boolean> {
		const tx = this.db.transaction('userProviders', 'readwrite');
		const had = (await tx.store.getKey(id)) !== undefined;
		if (had) await tx.store.delete(id);
		await tx.done;
		return had;
	}
}
