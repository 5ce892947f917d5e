import type { CandidateView, DiscoveryRun, DiscoveryStatus } from '../../shared/api/discovery';
import { PROBE_POOL_PREFIX } from '../../shared/api/rest';
import type { Engine } from '../../shared/engine';
import type { StoreDb } from '../store';
import type { UserResources } from '../user-providers';
import { probeFetch } from './http';
import { DiscoveryRunner, type DiscoveryRunnerOptions } from './runner';
import { chainRegistrySource } from './sources/chain-registry';
import { seedCatalogSource } from './sources/seed-catalog';
import { curatedSource } from './curated';
import type { DiscoverySource } from './types';

export { DiscoveryRunner, candidateId } from './runner';
export { probeFetch, type ProbeFetch } from './http';
export { chainRegistrySource, rpcCandidates, CHAIN_REGISTRY_URL } from './sources/chain-registry';
export { seedCatalogSource, seedCandidates } from './sources/seed-catalog';
export { curatedSource, CURATED } from './curated';
export { DEFAULT_THRESHOLDS, type Thresholds } from './score';
export type { DiscoverySource, RawCandidate } from './types';

/** Default interval of scheduled runs, hours (`CM_DISCOVERY_INTERVAL_H`; 0 turns them off). */
export const DEFAULT_INTERVAL_H = 12;
const HOUR = 3_600_000;

export interface DiscoveryOptions extends Omit<DiscoveryRunnerOptions, 'engine' | 'db'> {
	/** Hours between scheduled runs; 0 = on demand only. Default 12. */
	intervalHours?: number;
}

export type Decision = { ok: true; candidate: CandidateView; provider?: string; pool?: string | null } | { ok: false; status: 404 | 409 | 503; error: string };

/**
 * Provider discovery: scheduled and on-demand runs (one at a time), their history, and the
 * admin's decisions. An accepted JSON-RPC candidate becomes a live user provider.
 */
export class Discovery {
	readonly runner: DiscoveryRunner;
	readonly #engine: Engine;
	readonly #intervalHours: number;
	readonly #now: () => number;
	#users: UserResources | undefined;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#nextRunAt: number | null = null;
	#closed = false;

	constructor(engine: Engine, db: StoreDb, { intervalHours = DEFAULT_INTERVAL_H, ...options }: DiscoveryOptions) {
		this.#engine = engine;
		this.#intervalHours = Number.isFinite(intervalHours) && intervalHours > 0 ? intervalHours : 0;
		this.#now = options.now ?? Date.now;
		this.runner = new DiscoveryRunner({ engine, db, ...options });
	}

	/** Where accepted candidates are stored and installed (the app's user resources). */
	useProviders(users: UserResources | undefined): void {
		this.#users = users;
	}

	/**
	 * Schedules runs every `intervalHours`, counted from the last run (the first one waits a whole
	 * interval after a fresh start, so starting a proxy never sends a burst of probes by itself).
	 */
	start(): this {
		if (this.#intervalHours === 0 || this.#closed) return this;
		const last = this.runner.store.runs(1)[0];
		const due = (last?.startedAt ?? this.#now()) + this.#intervalHours * HOUR;
		this.#schedule(Math.max(60_000, due - this.#now()));
		return this;
	}

	#schedule(delay: number): void {
		clearTimeout(this.#timer);
		this.#nextRunAt = this.#now() + delay;
		// Node timers overflow past ~24.8 days; an interval that long is re-armed on the way.
		this.#timer = setTimeout(() => {
			if (this.#closed) return;
			void this.runner.start('schedule').done.finally(() => this.#schedule(this.#intervalHours * HOUR));
		}, Math.min(delay, 2 ** 31 - 1));
		this.#timer.unref?.();
	}

	close(): void {
		this.#closed = true;
		clearTimeout(this.#timer);
		this.runner.stop();
	}

	/** Waits for the run in progress (if any), at most `capMs`: its in-flight probes end within their timeout. */
	async settled(capMs = 2_000): Promise<void> {
		if (!this.runner.running) return;
		let timer: ReturnType<typeof setTimeout> | undefined;
		await Promise.race([this.runner.start('manual').done, new Promise<void>((resolve) => (timer = setTimeout(resolve, capMs)))]);
		clearTimeout(timer);
	}

	run(): { started: boolean; run: DiscoveryRun; done: Promise<DiscoveryRun> } {
		return this.runner.start('manual');
	}

	status(): DiscoveryStatus {
		return this.runner.status({ intervalHours: this.#intervalHours, nextRunAt: this.#intervalHours > 0 ? this.#nextRunAt : null });
	}

	history(limit: number): DiscoveryRun[] {
		return this.runner.store.runs(limit);
	}

	dismiss(id: string): Decision {
		const c = this.runner.store.candidate(id);
		if (!c) return { ok: false, status: 404, error: `no discovery candidate '${id}'` };
		if (c.decision === 'accepted') return { ok: false, status: 409, error: `'${id}' was accepted as provider '${c.providerId ?? ''}'; delete that provider instead` };
		const updated = { ...c, decision: 'dismissed' as const };
		this.runner.store.put(updated, this.#now());
		return { ok: true, candidate: updated };
	}

	/** Turns a JSON-RPC candidate the probes accepted into a live user provider, optionally in a pool. */
	accept(id: string, poolId: string | undefined): Decision {
		const c = this.runner.store.candidate(id);
		if (!c) return { ok: false, status: 404, error: `no discovery candidate '${id}'` };
		if (c.decision === 'accepted') return { ok: false, status: 409, error: `'${id}' is already accepted as provider '${c.providerId ?? ''}'` };
		if (c.verdict === 'rejected') return { ok: false, status: 409, error: `'${id}' was rejected by its probes (${c.reasons[0] ?? 'no reason'}); run discovery again once it is fixed` };
		if (c.kind !== 'jsonrpc' || !c.chain || c.chain === 'tron' || c.chain === 'bitcoin') {
			return { ok: false, status: 409, error: 'only JSON-RPC nodes can become live providers from here; add this API from the Catalog screen' };
		}
		const users = this.#users;
		if (!users) return { ok: false, status: 503, error: 'this needs the database, and this proxy runs without one' };
		if (poolId?.startsWith('default-')) return { ok: false, status: 409, error: `'${poolId}' is a default pool: the new provider joins it by itself` };
		const pool = poolId === undefined ? undefined : this.#engine.pools().find((p) => p.id === poolId && !p.id.startsWith(PROBE_POOL_PREFIX));
		if (poolId !== undefined && !pool) return { ok: false, status: 404, error: `no pool '${poolId}'` };
		if (pool && pool.capabilities.length > 0 && !pool.capabilities.some((cap) => cap === 'block-height' || cap === 'gas' || cap === 'balance')) {
			return { ok: false, status: 409, error: `pool '${pool.id}' serves ${pool.capabilities.join(', ')}; a JSON-RPC node serves block-height, gas and balance` };
		}
		const providerId = `d-${c.id}`.slice(0, 64);
		const added = users.addProvider({
			id: providerId,
			name: c.name.slice(0, 100),
			category: 'rpc',
			baseUrl: c.url,
			// Where it was found: the registry's page for its chain is its documentation here.
			docs: c.sources.includes('chain-registry') ? 'https://chainid.network/' : c.url.replace(/^http:/, 'https:'),
			capabilities: ['block-height', 'gas', 'balance'],
			template: { family: 'jsonrpc', chain: c.chain },
			// What the probe saw (an Access-Control-Allow-Origin header or not), kept with the provider.
			cors: c.cors,
		});
		if (!added.ok) return { ok: false, status: added.status === 400 ? 409 : added.status, error: added.error };
		if (pool) users.savePool(this.#engine.upsertPool({ ...pool, members: [...pool.members, { provider: providerId }] }));
		const updated = { ...c, decision: 'accepted' as const, providerId };
		this.runner.store.put(updated, this.#now());
		return { ok: true, candidate: updated, provider: providerId, pool: pool?.id ?? null };
	}
}

export interface DiscoveryEnvOptions {
	/** Loopback addresses probes may reach (the relay's CM_RELAY_ALLOW_LOOPBACK override). */
	allowPrivateForTests?: readonly string[];
}

/**
 * Discovery as the server configures it: `CM_DISCOVERY_INTERVAL_H` (default 12, 0 = off),
 * `CM_DISCOVERY_SOURCES` (comma list of chain-registry, seed-catalog, curated; default all),
 * `CM_DISCOVERY_REGISTRY_URL` (default chainid.network's chains.json).
 */
export function discoveryFromEnv(engine: Engine, db: StoreDb, env: Readonly<Record<string, string | undefined>>, { allowPrivateForTests }: DiscoveryEnvOptions = {}): Discovery {
	const hours = env.CM_DISCOVERY_INTERVAL_H === undefined || env.CM_DISCOVERY_INTERVAL_H === '' ? DEFAULT_INTERVAL_H : Number(env.CM_DISCOVERY_INTERVAL_H);
	const names = (env.CM_DISCOVERY_SOURCES ?? 'chain-registry,seed-catalog,curated').split(',').map((s) => s.trim());
	const sources: DiscoverySource[] = [];
	if (names.includes('chain-registry')) sources.push(chainRegistrySource(env.CM_DISCOVERY_REGISTRY_URL ? { url: env.CM_DISCOVERY_REGISTRY_URL } : {}));
	if (names.includes('seed-catalog')) sources.push(seedCatalogSource());
	if (names.includes('curated')) sources.push(curatedSource());
	const loopback = allowPrivateForTests !== undefined && allowPrivateForTests.length > 0;
	return new Discovery(engine, db, {
		intervalHours: Number.isFinite(hours) && hours >= 0 ? hours : DEFAULT_INTERVAL_H,
		sources,
		fetch: probeFetch(loopback ? { allowPrivateForTests } : {}),
		allowLoopbackHttp: loopback,
	});
}
