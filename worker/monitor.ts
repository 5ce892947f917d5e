import { z } from 'zod';
import {
	fail,
	ok,
	type BackupInfoT,
	type BreakerAction,
	type BreakerChangeT,
	type DataAnswer,
	type DataOptions,
	type DiagnosticsT,
	type HealthCheckT,
	type ImportDoneT,
	type LogQuery,
	type LogRecordT,
	type LogStatsT,
	type MonitorApi,
	type NewUserProviderT,
	type PoolMemberInput,
	type PoolViewT,
	type ProviderDetailT,
	type ProviderViewT,
	type RequestEventT,
	type ResourceListT,
	type ResourcesExportT,
	type Result,
	type RotationT,
	type StatusView,
} from '../shared/api/monitor';
import { LogsQuery, NewMember, NewPool, NewUserProvider, PROBE_POOL_PREFIX } from '../shared/api/rest';
import { cacheView, poolView, providerCounts, providerDetail, providerView, requestTotals } from '../shared/api/views';
import type { PoolConfig, PoolConfigInput } from '../shared/engine';
import { STRATEGIES } from '../shared/engine/strategies';
import { CAPABILITIES, type Capability, type ParamsInput, type ResultOf } from '../shared/model';
import { runDiagnostics } from './diagnostics';
import type { PoolStatusHistory, ProviderStatusHistory, StatusIndex } from '../shared/api/status-history';
import { workerPoolStatus, workerProviderStatus, workerStatusIndex } from './status-history';
import { workerBrowserModel, workerModelsReport, workerSentimentEnsemble } from './sentiment/monitor';
import { workerMarketSentiment, workerPriceConsensus } from './market';
import type { MarketSentiment as MarketSentimentT, PriceConsensus as PriceConsensusT } from '../shared/api/market';
import type { BrowserModelStateT, ModelsReportT, SentimentEnsembleT } from '../shared/sentiment/schema';
import type { EngineHome } from './engine-home';
import { DB_VERSION, type MonitorDb } from './idb/db';
import { WorkerAlerts } from './alerts';
import type { Alert, NewRuleInput, Rule } from '../shared/alerts';
import { BackupStore } from './idb/backups';
import { SettingsStore } from './idb/settings';
import { StatsStore } from './idb/stats';
import { UserProviderStore } from './idb/user-providers';
import { probe } from '../shared/api/probe';
import { DISCOVERY_PROXY_ONLY, type DiscoveryStatus } from '../shared/api/discovery';
import { checkImport, TRANSFER_FORMAT, type TransferDocument } from './transfer';
import type { FetchLike } from './transport/direct';

export interface DirectMonitorOptions {
	home: EngineHome;
	db: MonitorDb;
	version: string;
	/** Where relayed requests go; diagnostics check it answers. */
	relayBase: () => string;
	now?: () => number;
	/** For the relay check; default the global fetch. */
	fetch?: FetchLike;
}

export const LAST_DIAGNOSTICS_KEY = 'diagnostics:last';
const BACKUP_FORMAT = 'crypto-monitor/backup';

const isListed = (p: PoolConfig): boolean => !p.id.startsWith(PROBE_POOL_PREFIX);
const isDefault = (id: string): boolean => id.startsWith('default-');
const Options = z.object({ fresh: z.boolean().optional(), pool: z.string().max(64).optional(), strategy: z.enum(STRATEGIES).optional() }).optional();
const Limit = z.number().int().min(1).max(1_000).default(100);
const firstIssue = (e: z.ZodError): string => {
	const i = e.issues[0];
	return i ? `${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.message}` : 'invalid input';
};

/**
 * `MonitorApi` in the browser: the worker's engine and IndexedDB answer with exactly the shapes
 * the proxy's routes return (shared/api/views.ts builds both), so screens do not know the mode.
 * Pool changes, user providers, rotations, logs, stats, diagnostics and backups persist in
 * IndexedDB. Every method resolves to a Result; nothing throws across the worker boundary.
 */
export class DirectMonitor implements MonitorApi {
	readonly #home: EngineHome;
	readonly #db: MonitorDb;
	readonly #now: () => number;
	readonly #version: string;
	readonly #relayBase: () => string;
	readonly #fetch: FetchLike | undefined;
	readonly #users: UserProviderStore;
	readonly #backups: BackupStore;
	/** Rules, evaluation and recent alerts (worker/alerts.ts); started by the leading tab. */
	readonly alerts: WorkerAlerts;

	constructor({ home, db, version, relayBase, now = Date.now, fetch }: DirectMonitorOptions) {
		this.#home = home;
		this.#db = db;
		this.#now = now;
		this.#version = version;
		this.#relayBase = relayBase;
		this.#fetch = fetch;
		this.#users = new UserProviderStore(db, now);
		this.#backups = new BackupStore(db, now);
		this.alerts = new WorkerAlerts(db, () => home.engine, now);
	}

	alertRules(): Promise<Result<Rule[]>> {
		return this.#guard(async () => ok(await this.alerts.rules()));
	}
	addAlertRule(rule: NewRuleInput): Promise<Result<Rule>> {
		return this.#guard(() => this.alerts.addRule(rule));
	}
	deleteAlertRule(id: string): Promise<Result<{ deleted: string }>> {
		return this.#guard(() => this.alerts.deleteRule(String(id)));
	}
	recentAlerts(limit?: number): Promise<Result<Alert[]>> {
		return this.#guard(async () => ok(await this.alerts.recent(typeof limit === 'number' && Number.isFinite(limit) ? limit : 100)));
	}
	/** Web Push comes from the proxy; direct mode has none (the page's own notifications still work). */
	async alertPushKey(): Promise<Result<{ publicKey: string }>> {
		return fail('no_proxy', 'Web Push needs the proxy; direct mode shows notifications only while the app is open');
	}
	async subscribeAlertPush(): Promise<Result<{ subscribed: true }>> {
		return fail('no_proxy', 'Web Push needs the proxy; direct mode shows notifications only while the app is open');
	}

	get #engine() {
		return this.#home.engine;
	}

	async #guard<T>(fn: () => Promise<Result<T>> | Result<T>): Promise<Result<T>> {
		try {
			return await fn();
		} catch (error) {
			return fail('internal', `The worker could not do this: ${error instanceof Error ? error.message : String(error)}`);
		}
	}

	// ---- data ----

	data<C extends Capability>(capability: C, params: ParamsInput<C>, options: DataOptions = {}): Promise<Result<DataAnswer<ResultOf<C>>>> {
		return this.#guard(async () => {
			if (typeof capability !== 'string' || !Object.hasOwn(CAPABILITIES, capability)) return fail('bad_params', `unknown capability '${String(capability)}'`);
			const opts = Options.safeParse(options);
			if (!opts.success) return fail('bad_params', firstIssue(opts.error));
			const { fresh, pool, strategy } = opts.data ?? {};
			const a = await this.#engine.get(capability, params, { ...(fresh ? { fresh } : {}), ...(pool ? { pool } : {}), ...(strategy ? { strategy } : {}) });
			if (!a.ok) return fail(a.code, a.message);
			return ok({ data: a.data, source: a.source, ts: a.ts, cached: a.cached, stale: a.stale, latencyMs: a.latencyMs });
		});
	}

	// ---- status and providers ----

	status(): Promise<Result<StatusView>> {
		return this.#guard(() => {
			const engine = this.#engine;
			const t = this.#now();
			const providers = providerCounts(engine, t);
			return ok({
				status: providers.available > 0 ? ('ok' as const) : ('degraded' as const),
				version: this.#version,
				uptimeSeconds: Math.max(0, Math.floor((t - this.#home.startedAt) / 1000)),
				providers,
				pools: engine.pools().filter(isListed).length,
				capabilities: new Set(engine.runtimes().flatMap((rt) => [...rt.endpoints.keys()])).size,
				cache: cacheView(engine),
				requests: requestTotals(engine),
			});
		});
	}

	providers(): Promise<Result<ProviderViewT[]>> {
		return this.#guard(() => {
			const t = this.#now();
			return ok(this.#engine.runtimes().map((rt) => providerView(rt, t)));
		});
	}

	provider(id: string): Promise<Result<ProviderDetailT>> {
		return this.#guard(() => {
			const rt = typeof id === 'string' ? this.#engine.runtime(id) : undefined;
			return rt ? ok(providerDetail(rt, this.#now())) : fail('not_found', `no provider '${String(id)}'`);
		});
	}

	healthCheck(id: string, capability?: Capability): Promise<Result<HealthCheckT>> {
		return this.#guard(async () => {
			const rt = typeof id === 'string' ? this.#engine.runtime(id) : undefined;
			if (!rt) return fail('not_found', `no provider '${String(id)}'`);
			if (capability !== undefined && !rt.endpoints.has(capability)) return fail('bad_input', `provider '${id}' does not offer ${String(capability)}`);
			if (rt.missingKey) return fail('missing_key', `provider '${id}' needs an API key that is not configured`);
			const cap = capability ?? [...rt.endpoints.keys()][0];
			if (!cap) return fail('conflict', `provider '${id}' offers no capability to probe`);
			return ok(await probe(this.#engine, rt, cap, this.#now));
		});
	}

	breaker(id: string, action: BreakerAction, capability?: Capability): Promise<Result<BreakerChangeT>> {
		return this.#guard(() => {
			const rt = typeof id === 'string' ? this.#engine.runtime(id) : undefined;
			if (!rt) return fail('not_found', `no provider '${String(id)}'`);
			if (!['reset', 'open', 'disable', 'enable'].includes(action)) return fail('bad_input', `unknown breaker action '${String(action)}'`);
			const breaker = capability ? rt.endpoints.get(capability) : rt.breaker;
			if (!breaker) return fail('bad_input', `provider '${id}' does not offer ${String(capability)}`);
			if (action === 'reset') breaker.reset();
			else if (action === 'open') breaker.forceOpen();
			else if (action === 'disable') breaker.disable();
			else breaker.enable();
			return ok({ provider: id, capability: capability ?? null, action, state: breaker.state });
		});
	}

	recentRequests(limit?: number): Promise<Result<RequestEventT[]>> {
		return this.#guard(() => {
			const n = Limit.safeParse(limit);
			if (!n.success) return fail('bad_input', `limit: ${firstIssue(n.error)}`);
			return ok(this.#home.recent.latest(n.data));
		});
	}

	// ---- pools ----

	#find(id: string): PoolConfig | undefined {
		return this.#engine.pools().find((p) => p.id === id && isListed(p));
	}

	/** Applies a pool to the engine and keeps it for the next start. */
	async #keep(input: PoolConfigInput): Promise<PoolConfig> {
		const config = this.#engine.upsertPool(input);
		await this.#home.poolStore.put(config);
		return config;
	}

	pools(): Promise<Result<PoolViewT[]>> {
		return this.#guard(() => {
			const t = this.#now();
			return ok(
				this.#engine
					.pools()
					.filter(isListed)
					.map((p) => poolView(this.#engine, p, t)),
			);
		});
	}

	savePool(pool: PoolConfigInput): Promise<Result<PoolViewT>> {
		return this.#guard(async () => {
			const parsed = NewPool.safeParse(pool);
			if (!parsed.success) return fail('bad_input', `pool not saved: ${firstIssue(parsed.error)}`);
			const input = parsed.data;
			const unknown = input.members.map((m) => m.provider).filter((p) => !this.#engine.runtime(p));
			if (unknown.length > 0) return fail('bad_input', `unknown provider(s): ${unknown.slice(0, 5).join(', ')}`);
			const dupes = input.members.map((m) => m.provider).filter((p, i, all) => all.indexOf(p) !== i);
			if (dupes.length > 0) return fail('bad_input', `provider(s) listed twice: ${[...new Set(dupes)].join(', ')}`);
			const config = await this.#keep(input);
			return ok(poolView(this.#engine, config, this.#now()));
		});
	}

	deletePool(id: string): Promise<Result<{ deleted: string }>> {
		return this.#guard(async () => {
			if (typeof id !== 'string') return fail('bad_input', 'a pool id is a string');
			if (isDefault(id)) return fail('conflict', `'${id}' is a default pool: it always exists`);
			if (!this.#find(id) || !this.#engine.removePool(id)) return fail('not_found', `no pool '${id}'`);
			// A deleted seed pool is remembered as deleted, or the next start would bring it back.
			await this.#home.poolStore.remove(id, this.#home.seedPoolIds.has(id));
			return ok({ deleted: id });
		});
	}

	addMember(poolId: string, member: PoolMemberInput): Promise<Result<PoolViewT>> {
		return this.#guard(async () => {
			const pool = this.#find(poolId);
			if (!pool) return fail('not_found', `no pool '${String(poolId)}'`);
			if (isDefault(poolId)) return fail('conflict', `'${poolId}' is a default pool: its members are every provider offering it`);
			const m = NewMember.safeParse(member);
			if (!m.success) return fail('bad_input', `member: ${firstIssue(m.error)}`);
			if (!this.#engine.runtime(m.data.provider)) return fail('not_found', `unknown provider '${m.data.provider}'`);
			if (pool.members.some((x) => x.provider === m.data.provider)) return fail('conflict', `'${m.data.provider}' is already in pool '${poolId}'`);
			if (pool.members.length >= 500) return fail('conflict', 'a pool has at most 500 members');
			const config = await this.#keep({ ...pool, members: [...pool.members, m.data] });
			return ok(poolView(this.#engine, config, this.#now()));
		});
	}

	removeMember(poolId: string, providerId: string): Promise<Result<PoolViewT>> {
		return this.#guard(async () => {
			const pool = this.#find(poolId);
			if (!pool) return fail('not_found', `no pool '${String(poolId)}'`);
			if (isDefault(poolId)) return fail('conflict', `'${poolId}' is a default pool: its members are every provider offering it`);
			if (!pool.members.some((m) => m.provider === providerId)) return fail('not_found', `'${String(providerId)}' is not in pool '${poolId}'`);
			const config = await this.#keep({ ...pool, members: pool.members.filter((m) => m.provider !== providerId) });
			return ok(poolView(this.#engine, config, this.#now()));
		});
	}

	rotate(poolId: string, capability?: Capability): Promise<Result<RotationT>> {
		return this.#guard(() => {
			const pool = this.#find(poolId);
			if (!pool) return fail('not_found', `no pool '${String(poolId)}'`);
			const cap = capability ?? (pool.capabilities.length === 1 ? pool.capabilities[0] : undefined);
			if (!cap) return fail('bad_input', `pool '${poolId}' serves several capabilities: say which one`);
			if (!Object.hasOwn(CAPABILITIES, cap)) return fail('bad_input', `unknown capability '${String(cap)}'`);
			if (pool.capabilities.length > 0 && !pool.capabilities.includes(cap)) return fail('bad_input', `pool '${poolId}' does not serve ${cap}`);
			const record = this.#engine.rotate(poolId, cap);
			if (!record) return fail('conflict', `pool '${poolId}' has not answered ${cap} yet: nothing to rotate away from`);
			return ok({ ...record });
		});
	}

	rotations(): Promise<Result<RotationT[]>> {
		return this.#guard(async () => ok(await this.#home.rotations.list()));
	}

	// ---- logs ----

	logs(query: LogQuery = {}): Promise<Result<LogRecordT[]>> {
		return this.#guard(async () => {
			const q = LogsQuery.safeParse(query ?? {});
			if (!q.success) return fail('bad_input', firstIssue(q.error));
			await this.#home.eventLog.flush();
			return ok(await this.#home.logs.query(q.data));
		});
	}

	logStats(): Promise<Result<LogStatsT>> {
		return this.#guard(async () => {
			await this.#home.eventLog.flush();
			return ok({ ...(await this.#home.logs.stats()), pending: this.#home.eventLog.pending });
		});
	}

	clearLogs(): Promise<Result<{ deleted: number }>> {
		return this.#guard(async () => {
			await this.#home.eventLog.flush();
			return ok({ deleted: await this.#home.logs.clear() });
		});
	}

	// ---- catalog and resources ----

	resources(): Promise<Result<ResourceListT>> {
		return this.#guard(async () => {
			const t = this.#now();
			// Live user providers (with a template) are in the engine too, but listed as the user's.
			const catalog = this.#engine.runtimes().flatMap((rt) => (this.#home.isUserLive(rt.spec.id) ? [] : [providerView(rt, t)]));
			const user = (await this.#users.all()).map((p) => ({ ...p, live: this.#home.isUserLive(p.id) }));
			return ok({ catalog, user, total: catalog.length + user.length });
		});
	}

	addProvider(provider: NewUserProviderT): Promise<Result<NewUserProviderT & { live: boolean }>> {
		return this.#guard(async () => {
			const parsed = NewUserProvider.safeParse(provider);
			if (!parsed.success) return fail('bad_input', `provider not added: ${firstIssue(parsed.error)}`);
			const spec = parsed.data;
			if (this.#home.catalogIds.has(spec.id)) return fail('conflict', `'${spec.id}' is a catalog provider's id; choose another`);
			if (await this.#users.get(spec.id)) return fail('conflict', `user provider '${spec.id}' exists; delete it first`);
			await this.#users.put(spec);
			await this.#home.reloadUserProviders();
			return ok({ ...spec, live: this.#home.isUserLive(spec.id) });
		});
	}

	deleteProvider(id: string): Promise<Result<{ deleted: string }>> {
		return this.#guard(async () => {
			if (typeof id !== 'string' || !(await this.#users.delete(id))) return fail('not_found', `no user provider '${String(id)}'`);
			await this.#home.reloadUserProviders();
			return ok({ deleted: id });
		});
	}

	async #exportDocument(): Promise<TransferDocument> {
		return { format: TRANSFER_FORMAT, version: 1, exportedAt: new Date(this.#now()).toISOString(), providers: await this.#users.all(), pools: await this.#home.poolStore.configs() };
	}

	exportResources(): Promise<Result<ResourcesExportT>> {
		return this.#guard(async () => ok(await this.#exportDocument()));
	}

	importResources(body: unknown, mode: 'merge' | 'replace'): Promise<Result<ImportDoneT>> {
		return this.#guard(async () => {
			if (mode !== 'merge' && mode !== 'replace') return fail('bad_input', "mode is 'merge' or 'replace'");
			const stored = await this.#users.all();
			const checked = checkImport(body, { mode, catalogIds: this.#home.catalogIds, storedProviderIds: new Set(stored.map((p) => p.id)) });
			if (!checked.ok) return fail(checked.code, checked.message);
			const before = await this.#home.poolStore.configs();
			// One transaction over both stores: all rows land, or none.
			const at = this.#now();
			const tx = this.#db.transaction(['userProviders', 'pools'], 'readwrite');
			if (mode === 'replace') {
				void tx.objectStore('userProviders').clear();
				void tx.objectStore('pools').clear();
			}
			for (const p of checked.providers) void tx.objectStore('userProviders').put({ ...p, createdAt: at });
			for (const p of checked.pools) void tx.objectStore('pools').put({ id: p.id, config: p, updatedAt: at });
			await tx.done;

			// The engine follows: user providers with a template go live, and pools whose members are all live apply now (the rest stay stored).
			await this.#home.reloadUserProviders();
			if (mode === 'replace') {
				const seeds = new Map((await this.#home.pools()).map((p) => [p.id, p]));
				for (const old of before) {
					if (checked.pools.some((p) => p.id === old.id)) continue;
					const seed = seeds.get(old.id);
					if (seed) this.#engine.upsertPool(seed);
					else this.#engine.removePool(old.id);
				}
			}
			let appliedPools = 0;
			for (const pool of checked.pools) {
				if (!pool.members.every((m) => this.#engine.runtime(m.provider))) continue;
				this.#engine.upsertPool(pool);
				appliedPools++;
			}
			return ok({ ok: true as const, mode, providers: checked.providers.length, pools: checked.pools.length, appliedPools });
		});
	}

	backup(): Promise<Result<BackupInfoT>> {
		return this.#guard(async () => {
			await this.#engine.flush();
			await this.#home.saveStats();
			const { adminToken: _adminToken, ...settings } = await new SettingsStore(this.#db).get();
			const kvKeys = await this.#db.getAllKeys('kv');
			const kv: Record<string, unknown> = {};
			for (const k of kvKeys) kv[k] = await this.#db.get('kv', k);
			// Never the keys store: API keys are not written into backups.
			const snapshot = {
				format: BACKUP_FORMAT,
				version: 1,
				schemaVersion: DB_VERSION,
				createdAt: new Date(this.#now()).toISOString(),
				settings,
				resources: await this.#exportDocument(),
				pools: await this.#home.poolStore.all(),
				kv,
				stats: await new StatsStore(this.#db).load(),
				rotations: await this.#home.rotations.list(),
			};
			return ok(await this.#backups.add(JSON.stringify(snapshot)));
		});
	}

	backups(): Promise<Result<BackupInfoT[]>> {
		return this.#guard(async () => ok(await this.#backups.list()));
	}

	// ---- reports ----

	runDiagnostics(): Promise<Result<DiagnosticsT>> {
		return this.#guard(async () => {
			const report = await runDiagnostics({ home: this.#home, db: this.#db, now: this.#now, relayBase: this.#relayBase, ...(this.#fetch ? { fetch: this.#fetch } : {}) });
			await this.#home.kv.set(LAST_DIAGNOSTICS_KEY, report);
			return ok(report);
		});
	}

	lastDiagnostics(): Promise<Result<DiagnosticsT | null>> {
		return this.#guard(async () => ok((await this.#home.kv.get<DiagnosticsT>(LAST_DIAGNOSTICS_KEY)) ?? null));
	}

	/** Discovery probes from a server behind the relay's guard; a browser has neither. */
	discovery(): Promise<Result<DiscoveryStatus>> {
		return Promise.resolve(fail('no_proxy', DISCOVERY_PROXY_ONLY));
	}
	discoveryAction(): Promise<Result<DiscoveryStatus>> {
		return Promise.resolve(fail('no_proxy', DISCOVERY_PROXY_ONLY));
	}

	// ---- market insight (worker/market.ts) ----

	marketSentiment(symbol?: string): Promise<Result<DataAnswer<MarketSentimentT>>> {
		return this.#guard(() => workerMarketSentiment(this.#engine, this.#now, symbol));
	}

	priceConsensus(symbol: string, vs?: string): Promise<Result<DataAnswer<PriceConsensusT>>> {
		return this.#guard(() => workerPriceConsensus(this.#engine, symbol, vs));
	}

	// ---- text sentiment (worker/sentiment/) ----

	sentimentEnsemble(texts: string[]): Promise<Result<SentimentEnsembleT>> {
		return this.#guard(() => workerSentimentEnsemble(this.#home, texts));
	}

	modelsReport(): Promise<Result<ModelsReportT>> {
		return this.#guard(() => workerModelsReport(this.#home, this.#now()));
	}

	browserModel(enable?: boolean): Promise<Result<BrowserModelStateT>> {
		return this.#guard(() => workerBrowserModel(this.#home, enable));
	}

	// ---- status history (worker/status-history.ts) ----

	statusIndex(): Promise<Result<StatusIndex>> {
		return this.#guard(() => workerStatusIndex(this.#engine, this.#home.status, this.#now()));
	}

	providerStatus(id: string): Promise<Result<ProviderStatusHistory>> {
		return this.#guard(() => workerProviderStatus(this.#engine, this.#home.status, id, this.#now()));
	}

	poolStatus(id: string): Promise<Result<PoolStatusHistory>> {
		return this.#guard(() => workerPoolStatus(this.#engine, this.#home.status, id, this.#now()));
	}
}
