import type { AppConfig } from '../shared/api/monitor';
import { PROBE_POOL_PREFIX } from '../shared/api/rest';
import { BaseUrlOverrides, withBaseUrls } from '../shared/catalog/config';
import { seedPools } from '../shared/catalog/pools';
import { allProviders } from '../shared/catalog/registry';
import { SymbolMap } from '../shared/catalog/symbols';
import { Engine, envSecrets, type BreakerSnapshot, type LimiterSnapshot, type PoolConfigInput, type ProviderSpec } from '../shared/engine';
import { systemClock, systemRandom, type Clock, type Random, type TimerHandle, type Transport } from '../shared/engine/ports';
import { Stats } from '../shared/engine/stats';
import type { Capability } from '../shared/model';
import { EventLog, secretRedactor } from './event-log';
import type { MonitorDb } from './idb/db';
import { KeyStore } from './idb/keys';
import { IdbStore } from './idb/kv-store';
import { LogStore } from './idb/logs';
import { PoolStore } from './idb/pools';
import { RotationStore } from './idb/rotations';
import { UserProviderStore } from './idb/user-providers';
import { userProviderAdapter } from '../shared/catalog/user';
import { StatsStore, type StatsEntry } from './idb/stats';
import { IdbIncidents } from './idb/incidents';
import { StatusRecorder } from '../shared/api/status-recorder';
import { RecentRequests } from './recent';
import { directTransport } from './transport/direct';
import { browserTransport } from './transport/relay';
import { withLocal } from '../shared/engine/ports/local';
import { LOCAL_PROVIDERS, localHandlers } from '../shared/sentiment';
import { BROWSER_MODEL_HOST, BrowserModel, browserModelProvider, type BrowserModelLoader } from './sentiment/browser-model';

/** Where learned symbol ids are kept (the same key as the proxy's). */
export const LEARNED_SYMBOLS_KEY = 'symbols:learned';

export interface EngineHomeOptions {
	db: MonitorDb;
	config: AppConfig;
	/** Where relayed requests go (`relayUrl || proxyUrl || origin`), read at each request. */
	relayBase: () => string;
	clock?: Clock;
	random?: Random;
	/** The network; default: the browser's fetch (directTransport). */
	network?: Transport;
	/** How often stats and uptime are saved, ms. Default 60,000. */
	statsSaveMs?: number;
	/** How often logs are written, ms. Default 1,000. */
	logFlushMs?: number;
	/** Loads the in-browser sentiment model; default: transformers.js from the hub, wasm from our origin. Tests point it at loopback. */
	browserModelLoader?: BrowserModelLoader;
}

/** `AppConfig.baseUrls`, validated like CM_BASE_URLS; an invalid map is ignored as a whole (and said so). */
export function baseUrlOverrides(config: AppConfig): { overrides: BaseUrlOverrides; error?: string } {
	if (!config.baseUrls) return { overrides: {} };
	const parsed = BaseUrlOverrides.safeParse(config.baseUrls);
	return parsed.success ? { overrides: parsed.data } : { overrides: {}, error: 'app-config.json baseUrls must map provider ids to http(s) URLs; ignored' };
}

/**
 * The browser's engine and everything kept around it: the catalog (with `AppConfig.baseUrls`
 * overrides), seed pools with the user's pool edits from IndexedDB, quotas and breaker state in
 * the `kv` store, the user's keys as Secrets, the transport that routes no-CORS providers through
 * the relay; the engine's events go to the `logs` store, rotations to `rotations`, and stats with
 * uptime history are saved to `stats` every minute and restored into the next engine.
 */
export class EngineHome {
	readonly providers: readonly ProviderSpec[];
	readonly catalogIds: ReadonlySet<string>;
	readonly seedPoolIds: ReadonlySet<string>;
	readonly startedAt: number;
	readonly recent = new RecentRequests();
	readonly eventLog: EventLog;
	readonly logs: LogStore;
	readonly rotations: RotationStore;
	readonly poolStore: PoolStore;
	readonly kv: IdbStore;
	readonly configError: string | undefined;
	/** The in-browser sentiment model (off until the user enables it). */
	readonly browserModel: BrowserModel;
	/** Incidents and hourly latency for the status pages (set once started). */
	status: StatusRecorder | undefined;
	readonly #opts: EngineHomeOptions;
	readonly #clock: Clock;
	readonly #random: Random;
	readonly #transport: Transport;
	readonly #stats: StatsStore;
	readonly #keys: KeyStore;
	readonly #symbols: SymbolMap;
	#engine!: Engine;
	#offRotation: (() => void) | undefined;
	#statsTimer: TimerHandle | undefined;
	#savingSymbols = false;
	readonly #overrides: BaseUrlOverrides;
	/** Live user providers (those with a template), re-read by `reloadUserProviders`. */
	#user: ProviderSpec[] = [];
	#closed = false;

	private constructor(opts: EngineHomeOptions, symbols: SymbolMap) {
		this.#opts = opts;
		this.#clock = opts.clock ?? systemClock;
		this.#random = opts.random ?? systemRandom;
		const { overrides, error } = baseUrlOverrides(opts.config);
		this.configError = error;
		this.#overrides = overrides;
		// In-process providers (the sentiment lexicon) join after the overrides, which must not re-point them.
		this.providers = [...withBaseUrls(allProviders(), overrides), ...LOCAL_PROVIDERS];
		this.catalogIds = new Set(this.providers.map((p) => p.id));
		this.seedPoolIds = new Set(seedPools(this.providers).map((p) => p.id));
		this.startedAt = this.#clock.now();
		const network = browserTransport({ providers: this.providers, relayBase: opts.relayBase, direct: opts.network ?? directTransport() });
		this.#transport = withLocal(network, { ...localHandlers(), [BROWSER_MODEL_HOST]: (request, signal) => this.browserModel.handler(request, signal) });
		const now = () => this.#clock.now();
		this.logs = new LogStore(opts.db, now);
		this.eventLog = new EventLog(this.logs, this.#clock, { flushMs: opts.logFlushMs ?? 1_000 });
		this.rotations = new RotationStore(opts.db);
		this.poolStore = new PoolStore(opts.db, now);
		this.kv = new IdbStore(opts.db);
		this.browserModel = new BrowserModel(this.kv, {}, opts.browserModelLoader);
		this.#stats = new StatsStore(opts.db, now);
		this.#keys = new KeyStore(opts.db, now);
		this.#symbols = symbols;
	}

	/** Builds the engine from what IndexedDB holds and starts the writers. */
	static async start(opts: EngineHomeOptions): Promise<EngineHome> {
		const learned = await new IdbStore(opts.db).get<Array<[string, string, string]>>(LEARNED_SYMBOLS_KEY);
		const home = new EngineHome(opts, new SymbolMap(Array.isArray(learned) ? learned : []));
		await home.browserModel.restore().catch(() => false);
		await home.#loadUserProviders();
		await home.#build(await home.#stats.load());
		home.status = await StatusRecorder.start(home.engine, { incidents: new IdbIncidents(opts.db, () => home.#clock.now()), store: home.kv, now: () => home.#clock.now() });
		home.#scheduleStats();
		return home;
	}

	get engine(): Engine {
		return this.#engine;
	}

	/**
	 * Seed pools, minus those the user deleted, with the user's stored pools over them. A stored
	 * pool naming a provider the catalog does not have (a user provider, one since removed) stays
	 * stored but out of the engine, as an import leaves it.
	 */
	async pools(): Promise<PoolConfigInput[]> {
		const records = await this.poolStore.all();
		const deleted = new Set(records.filter((r) => r.config === null).map((r) => r.id));
		const stored = new Map(records.flatMap((r) => (r.config && r.config.members.every((m) => this.#knows(m.provider)) ? [[r.id, r.config] as const] : [])));
		const seeds = seedPools(this.providers).filter((p) => !deleted.has(p.id) && !stored.has(p.id));
		return [...seeds, ...stored.values()];
	}

	async #build(stats: readonly StatsEntry[]): Promise<void> {
		const keys = await this.#keys.all();
		this.eventLog.redact = secretRedactor(Object.values(keys));
		// What Engine.create would read one key at a time (two per provider), read in two range scans.
		const quotas = byProvider<LimiterSnapshot>(await this.kv.entries('quota:'));
		const breakers = byProvider<Record<string, BreakerSnapshot>>(await this.kv.entries('breaker:'));
		const engine = new Engine(
			{
				providers: [...this.providers, ...this.#user],
				pools: await this.pools(),
				ports: { clock: this.#clock, random: this.#random, transport: this.#transport, store: this.kv, secrets: envSecrets(keys) },
				symbolId: (provider, symbol) => this.#symbols.resolve(provider, symbol),
				learnSymbol: (provider, symbol, id) => this.#learn(provider, symbol, id),
			},
			quotas,
			breakers,
		);
		if (this.browserModel.enabled) engine.upsertProvider(browserModelProvider);
		restoreStats(engine, stats);
		this.#engine = engine;
		this.eventLog.attach(engine);
		this.recent.attach(engine);
		this.status?.attach(engine);
		this.#offRotation?.();
		this.#offRotation = engine.events.on('rotation', () => {
			// The engine records the rotation (with its pool) before it emits the event.
			const r = engine.rotationHistory().at(-1);
			if (r && !r.pool.startsWith(PROBE_POOL_PREFIX)) void this.rotations.append(r).catch(() => undefined);
		});
	}

	#learn(provider: string, symbol: string, id: string): void {
		if (this.#symbols.resolve(provider, symbol)) return;
		this.#symbols.learn(provider, symbol, id);
		// One write per burst of learning (a list answer teaches many ids at once).
		if (this.#savingSymbols) return;
		this.#savingSymbols = true;
		queueMicrotask(() => {
			this.#savingSymbols = false;
			void this.kv.set(LEARNED_SYMBOLS_KEY, this.#symbols.learned()).catch(() => undefined);
		});
	}

	/**
	 * Keys changed: the engine reads keys when it builds a provider, so it is rebuilt. Quotas and
	 * breaker state are flushed to the store and read back; stats move over in memory.
	 */
	async reloadKeys(): Promise<void> {
		const old = this.#engine;
		await old.close();
		await this.#build(collectStats(old));
	}

	/** Turns the in-browser model on or off: it joins or leaves the text-sentiment pool at once. */
	async setBrowserModel(enabled: boolean): Promise<void> {
		await this.browserModel.setEnabled(enabled);
		if (enabled) {
			this.#engine.upsertProvider(browserModelProvider);
			// Start the one-time download now, so progress shows before the first analysis.
			void this.browserModel.warm();
		} else this.#engine.removeProvider(browserModelProvider.id);
	}

	/** Saves every provider's stats and uptime history now. */
	/** Is this id a user provider the engine calls? */
	isUserLive(id: string): boolean {
		return this.#user.some((p) => p.id === id);
	}

	/**
	 * Re-reads the user providers (after an add, a delete or an import): those with a template go
	 * live in the engine, and stored pools naming them apply.
	 */
	async reloadUserProviders(): Promise<void> {
		for (const p of this.#user) this.#engine.removeProvider(p.id);
		await this.#loadUserProviders();
		for (const p of this.#user) this.#engine.upsertProvider(p);
		const seeds = new Set(this.seedPoolIds);
		for (const pool of await this.pools()) if (!seeds.has(pool.id)) this.#engine.upsertPool(pool);
	}

	async #loadUserProviders(): Promise<void> {
		const specs = await new UserProviderStore(this.#opts.db).all();
		this.#user = specs.flatMap((spec) => {
			const adapter = this.catalogIds.has(spec.id) ? undefined : userProviderAdapter(spec);
			return adapter ? withBaseUrls([adapter], this.#overrides) : [];
		});
	}

	#knows(id: string): boolean {
		return this.catalogIds.has(id) || this.isUserLive(id);
	}

	async saveStats(): Promise<void> {
		await this.#stats.save(collectStats(this.#engine));
		await this.status?.save();
	}

	#scheduleStats(): void {
		this.#statsTimer = this.#clock.setTimeout(() => {
			void this.saveStats()
				.catch(() => undefined)
				.finally(() => {
					if (!this.#closed) this.#scheduleStats();
				});
		}, this.#opts.statsSaveMs ?? 60_000);
	}

	/** Stops the timers and writes what is pending (logs, stats, quotas, breakers). */
	async close(): Promise<void> {
		if (this.#closed) return;
		this.#closed = true;
		if (this.#statsTimer) this.#clock.clearTimeout(this.#statsTimer);
		this.#offRotation?.();
		await this.eventLog.close();
		await this.status?.close();
		await this.saveStats().catch(() => undefined);
		await this.#engine.close();
	}
}

/** `quota:<id>` / `breaker:<id>` entries by provider id (objects only: anything else is not a snapshot). */
function byProvider<T>(entries: ReadonlyArray<[string, unknown]>): Record<string, T> {
	const out: Record<string, T> = {};
	for (const [key, value] of entries) {
		const id = key.slice(key.indexOf(':') + 1);
		if (id && value !== null && typeof value === 'object') out[id] = value as T;
	}
	return out;
}

/** Snapshots of every provider + capability that has seen a request. */
export function collectStats(engine: Engine): StatsEntry[] {
	return engine.runtimes().flatMap((rt) => [...rt.stats].filter(([, s]) => s.requests > 0).map(([capability, s]) => ({ provider: rt.spec.id, capability, snapshot: s.snapshot() })));
}

/** Puts saved stats back into a new engine's runtimes (providers or capabilities gone since are skipped). */
export function restoreStats(engine: Engine, entries: readonly StatsEntry[]): number {
	let restored = 0;
	for (const e of entries) {
		const rt = engine.runtime(e.provider);
		const cap = e.capability as Capability;
		if (!rt?.stats.has(cap)) continue;
		try {
			const stats = Stats.restore(e.snapshot);
			rt.stats.set(cap, stats);
			// The `fastest` strategy reads the provider's latency; start it from what was measured.
			if (stats.successes > 0) rt.live.latency = stats.ewmaLatencyMs();
			restored++;
		} catch {
			// A snapshot this version cannot read: that endpoint starts afresh.
		}
	}
	return restored;
}
