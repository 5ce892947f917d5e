import { PROBE_POOL_PREFIX } from '../shared/api/rest';
import { withBaseUrls, type BaseUrlOverrides } from '../shared/catalog/config';
import { userProviderAdapter } from '../shared/catalog/user';
import type { Engine, PoolConfig, PoolConfigInput, RotationRecord } from '../shared/engine';
import { Resources, RotationHistory, UserProviderSpec, type StoreDb } from './store';

/** Where deleted seed pools are remembered, so a restart does not bring them back. */
const DELETED_POOLS_KEY = 'pools:deleted';

export type AddProviderResult =
	| { ok: true; provider: UserProviderSpec & { live: boolean } }
	| { ok: false; status: 400 | 409; error: string };

export interface UserResourcesOptions {
	engine: Engine;
	db: StoreDb;
	now?: () => number;
	/** `CM_BASE_URLS` re-points user providers as it does catalog ones (the demo and tests aim them at the simulator). */
	baseUrls?: BaseUrlOverrides;
	/**
	 * Tests and the offline demo only: accept `http://127.0.0.1:<port>/…` base URLs (the loopback
	 * simulator). Never set in production: a user provider must be https.
	 */
	allowLoopback?: boolean;
}

const LOOPBACK_HTTP = /^http:\/\/(127\.0\.0\.1|\[::1\]|localhost)(:\d{1,5})?(\/|$)/;

/**
 * What users change at run time, kept in SQLite and applied to the engine: user providers (live
 * when their template says how to call them), pools created, replaced or deleted, and the pools'
 * rotation history. `start()` puts what is stored back into the engine after a restart; `reload()`
 * does it again after an import or a backup restore replaced the rows.
 */
export class UserResources {
	readonly #engine: Engine;
	readonly #resources: Resources;
	readonly #rotations: RotationHistory;
	readonly #db: StoreDb;
	readonly #now: () => number;
	/** Ids of catalog providers: user providers may not take them. */
	readonly #catalogIds: ReadonlySet<string>;
	#deletedSeeds = new Set<string>();
	#seedIds: ReadonlySet<string>;
	#userIds = new Set<string>();
	#off?: () => void;
	readonly #baseUrls: BaseUrlOverrides;
	readonly #allowLoopback: boolean;

	constructor({ engine, db, now = Date.now, baseUrls = {}, allowLoopback = false }: UserResourcesOptions) {
		this.#baseUrls = baseUrls;
		this.#allowLoopback = allowLoopback;
		this.#engine = engine;
		this.#resources = new Resources(db, now);
		this.#rotations = new RotationHistory(db);
		this.#db = db;
		this.#now = now;
		this.#catalogIds = new Set(engine.runtimes().map((rt) => rt.spec.id));
		this.#seedIds = new Set(engine.pools().map((p) => p.id));
	}

	/** Applies what is stored and starts recording rotations. */
	start(): this {
		this.reload();
		this.#rotations.prune();
		this.#off = this.#engine.events.on('rotation', () => {
			// The engine records the rotation (with its pool) before it emits the event.
			const r = this.#engine.rotationHistory().at(-1);
			if (r && !r.pool.startsWith(PROBE_POOL_PREFIX)) this.#rotations.append(r);
		});
		return this;
	}

	/** Re-applies the stored user providers and pools (after an import or a restore). */
	reload(): void {
		for (const id of this.#userIds) this.#engine.removeProvider(id);
		this.#userIds.clear();
		for (const spec of this.#resources.providers()) this.#install(spec);
		this.#deletedSeeds = this.#readDeleted();
		for (const id of this.#deletedSeeds) this.#engine.removePool(id);
		for (const pool of this.#resources.pools()) this.#apply(pool);
	}

	close(): void {
		this.#off?.();
	}

	/** Is this id a user provider the engine calls? */
	isLive(id: string): boolean {
		return this.#userIds.has(id);
	}

	view(spec: UserProviderSpec): UserProviderSpec & { live: boolean } {
		return { ...spec, live: this.#userIds.has(spec.id) };
	}

	providers(): (UserProviderSpec & { live: boolean })[] {
		return this.#resources.providers().map((p) => this.view(p));
	}

	/** Stores a user provider and, when it has a template, puts it live into the engine. */
	addProvider(input: unknown): AddProviderResult {
		const loopback = this.#loopbackUrl(input);
		// A loopback URL (tests only) is validated as its https twin, then kept as given.
		const parsed = UserProviderSpec.safeParse(loopback ? { ...(input as object), baseUrl: loopback.replace(/^http:/, 'https:') } : input);
		if (!parsed.success) return { ok: false, status: 400, error: `invalid provider: ${parsed.error.issues[0]?.message ?? 'not a provider'}` };
		const spec = loopback ? { ...parsed.data, baseUrl: loopback } : parsed.data;
		if (this.#catalogIds.has(spec.id)) return { ok: false, status: 409, error: `'${spec.id}' is a catalog provider's id; choose another` };
		if (this.#resources.provider(spec.id)) return { ok: false, status: 409, error: `user provider '${spec.id}' exists; delete it first` };
		this.#resources.putProvider(spec);
		this.#install(spec);
		// Stored pools naming it can go live now.
		for (const pool of this.#resources.pools()) if (pool.members.some((m) => m.provider === spec.id)) this.#apply(pool);
		return { ok: true, provider: this.view(spec) };
	}

	/** True when a stored user provider was deleted (and taken out of the engine). */
	deleteProvider(id: string): boolean {
		if (!this.#resources.deleteProvider(id)) return false;
		if (this.#userIds.delete(id)) this.#engine.removeProvider(id);
		return true;
	}

	/** Keeps a pool the engine just accepted (created or replaced). */
	savePool(pool: PoolConfig): void {
		this.#resources.putPool(pool);
		if (this.#deletedSeeds.delete(pool.id)) this.#writeDeleted();
	}

	/** Forgets a pool the engine just removed; a seed pool stays deleted across restarts. */
	deletePool(id: string): void {
		this.#resources.deletePool(id);
		if (this.#seedIds.has(id) && !this.#deletedSeeds.has(id)) {
			this.#deletedSeeds.add(id);
			this.#writeDeleted();
		}
	}

	/** Rotation history, newest first, across restarts. */
	rotations(limit = 500): RotationRecord[] {
		return this.#rotations.list({ limit });
	}

	#loopbackUrl(input: unknown): string | undefined {
		if (!this.#allowLoopback || typeof input !== 'object' || input === null || !('baseUrl' in input)) return undefined;
		const url = input.baseUrl;
		return typeof url === 'string' && LOOPBACK_HTTP.test(url) ? url : undefined;
	}

	#readDeleted(): Set<string> {
		const row = this.#db.statement<{ value: string }>('SELECT value FROM kv WHERE key = ?').get(DELETED_POOLS_KEY);
		const ids: unknown = row ? JSON.parse(row.value) : [];
		return new Set(Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []);
	}

	#writeDeleted(): void {
		this.#db
			.statement('INSERT INTO kv (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at')
			.run(DELETED_POOLS_KEY, JSON.stringify([...this.#deletedSeeds]), this.#now());
	}

	#install(spec: UserProviderSpec): void {
		if (this.#catalogIds.has(spec.id)) return;
		const adapter = userProviderAdapter(spec);
		if (!adapter) return;
		const [provider = adapter] = withBaseUrls([adapter], this.#baseUrls);
		this.#engine.upsertProvider(provider);
		this.#userIds.add(spec.id);
	}

	/** Puts a stored pool into the engine when every member is a provider it knows. */
	#apply(pool: PoolConfigInput): void {
		if (pool.id.startsWith('default-') || pool.id.startsWith(PROBE_POOL_PREFIX)) return;
		if (!pool.members.every((m) => this.#engine.runtime(m.provider))) return;
		this.#engine.upsertPool(pool);
	}
}
