import type { PoolConfig } from '../../shared/engine';
import type { StoreDb } from './db';
import type { UserProviderSpec } from './user-provider';

/**
 * Rows of `user_providers` and `pools`. Callers validate (UserProviderSpec, PoolConfig) before
 * writing; this module stores what it is given as JSON and reads it back.
 */
export class Resources {
	constructor(
		private readonly db: StoreDb,
		private readonly now: () => number = Date.now,
	) {}

	providers(): UserProviderSpec[] {
		return this.db.statement<{ spec: string }>('SELECT spec FROM user_providers ORDER BY id').all().map((r) => JSON.parse(r.spec) as UserProviderSpec);
	}

	provider(id: string): UserProviderSpec | undefined {
		const row = this.db.statement<{ spec: string }>('SELECT spec FROM user_providers WHERE id = ?').get(id);
		return row && (JSON.parse(row.spec) as UserProviderSpec);
	}

	putProvider(spec: UserProviderSpec): void {
		const at = this.now();
		this.db
			.statement('INSERT INTO user_providers (id, spec, updated_at, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET spec = excluded.spec, updated_at = excluded.updated_at')
			.run(spec.id, JSON.stringify(spec), at, at);
	}

	/** True when a row was deleted. */
	deleteProvider(id: string): boolean {
		return this.db.statement('DELETE FROM user_providers WHERE id = ?').run(id).changes > 0;
	}

	pools(): PoolConfig[] {
		return this.db.statement<{ config: string }>('SELECT config FROM pools ORDER BY id').all().map((r) => JSON.parse(r.config) as PoolConfig);
	}

	pool(id: string): PoolConfig | undefined {
		const row = this.db.statement<{ config: string }>('SELECT config FROM pools WHERE id = ?').get(id);
		return row && (JSON.parse(row.config) as PoolConfig);
	}

	putPool(config: PoolConfig): void {
		const at = this.now();
		this.db
			.statement('INSERT INTO pools (id, config, updated_at, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at')
			.run(config.id, JSON.stringify(config), at, at);
	}

	deletePool(id: string): boolean {
		return this.db.statement('DELETE FROM pools WHERE id = ?').run(id).changes > 0;
	}

	/** Removes every user provider and pool (inside the caller's transaction for a replace). */
	clearAll(): void {
		this.db.statement('DELETE FROM user_providers').run();
		this.db.statement('DELETE FROM pools').run();
	}
}
