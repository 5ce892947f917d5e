import { DEFAULT_SETTINGS, fail, ok, type AppConfig, type DataAnswer, type DataOptions, type MonitorApi, type Result, type Settings } from '../shared/api/monitor';
import type { Clock, Random, Transport } from '../shared/engine/ports';
import type { Capability, ParamsInput, ResultOf } from '../shared/model';
import { systemClock } from '../shared/engine/ports';
import type { WorkerApi } from './api';
import { EngineHome } from './engine-home';
import { AnswerStore } from './idb/answers';
import { openMonitorDb, type MonitorDb } from './idb/db';
import { KeyStore } from './idb/keys';
import { SettingsStore } from './idb/settings';
import { DirectMonitor } from './monitor';
import { probeUnhealthy } from './probe';
import { Scheduler, type Answer, type Listener } from './scheduler';
import { TabLink, type ChannelLike, type Handler, type LockManagerLike } from './tabs';
import type { FetchLike } from './transport/direct';

/** Every MonitorApi method, forwarded to the leading tab's engine. */
export const MONITOR_METHODS = [
	'data',
	'status',
	'providers',
	'provider',
	'healthCheck',
	'breaker',
	'recentRequests',
	'pools',
	'savePool',
	'deletePool',
	'addMember',
	'removeMember',
	'rotate',
	'rotations',
	'logs',
	'logStats',
	'clearLogs',
	'resources',
	'addProvider',
	'deleteProvider',
	'exportResources',
	'importResources',
	'backup',
	'backups',
	'runDiagnostics',
	'lastDiagnostics',
	'discovery',
	'discoveryAction',
	'marketSentiment',
	'priceConsensus',
	'sentimentEnsemble',
	'modelsReport',
	'browserModel',
	'statusIndex',
	'providerStatus',
	'poolStatus',
	'alertRules',
	'addAlertRule',
	'deleteAlertRule',
	'recentAlerts',
	'alertPushKey',
	'subscribeAlertPush',
] as const satisfies readonly (keyof MonitorApi)[];
type MonitorMethod = (typeof MONITOR_METHODS)[number];
const isMonitorMethod = (m: string): m is MonitorMethod => (MONITOR_METHODS as readonly string[]).includes(m);

/** Calls between tabs that are not MonitorApi: tell the leader that IndexedDB changed under it. */
const KEYS_CHANGED = 'keysChanged';
const SETTINGS_CHANGED = 'settingsChanged';

/** How often the leading tab probes providers whose breaker is open or half-open, ms. */
export const PROBE_EVERY_MS = 180_000;

export interface WorkerDeps {
	/** The page's origin: the relay of last resort (`<origin>/relay/…`). */
	origin: string;
	version: string;
	/** `navigator.locks`; without it (very old browsers) this tab leads alone. */
	locks?: LockManagerLike;
	/** A new BroadcastChannel('crypto-monitor'); without it this tab leads alone. */
	channel?: () => ChannelLike;
	openDb?: () => Promise<MonitorDb>;
	clock?: Clock;
	random?: Random;
	/** The network (tests: node's fetch through directTransport, or a fake). */
	network?: Transport;
	/** For the diagnostics' relay check. */
	fetch?: FetchLike;
	probeEveryMs?: number;
	tabTimeoutMs?: number;
}

/** A lock manager for a lone tab (no Web Locks): the lock is always free. */
const soloLocks: LockManagerLike = { request: (_name, _options, callback) => callback({}) };
/** A channel to nobody. */
const noChannel = (): ChannelLike => ({ postMessage: () => undefined, addEventListener: () => undefined, removeEventListener: () => undefined, close: () => undefined });

/**
 * The worker's API (WorkerApi): settings, keys and last known answers straight from IndexedDB in
 * both modes; in direct mode MonitorApi calls go through the tab link to the leading tab's engine
 * (this tab's, when it leads), and `watch` polls through this tab's scheduler.
 */
export function createWorkerApi(deps: WorkerDeps): WorkerApi & { close(): Promise<void> } {
	const clock = deps.clock ?? systemClock;
	const now = () => clock.now();
	let dbPromise: Promise<MonitorDb> | undefined;
	const db = (): Promise<MonitorDb> => (dbPromise ??= (deps.openDb ?? (() => openMonitorDb()))());
	let mode: 'direct' | 'proxy' | undefined;
	let config: AppConfig = {};
	let settings: Settings = { ...DEFAULT_SETTINGS };
	let link: TabLink | undefined;
	let home: EngineHome | undefined;
	let initResult: Promise<Result<{ leader: boolean; settings: Settings }>> | undefined;

	const relayBase = (): string => settings.relayUrl || config.relayUrl || settings.proxyUrl || config.proxyUrl || deps.origin;

	const scheduler = new Scheduler({
		clock,
		fetch: (capability, params, options) => call('data', [capability, params, options]) as Promise<Result<Answer>>,
		recall: async (key) => new AnswerStore(await db()).recall(key),
		remember: async (key, answer) => new AnswerStore(await db()).remember(key, answer),
	});

	async function call(method: string, args: readonly unknown[]): Promise<Result<unknown>> {
		if (mode === 'proxy') return fail('proxy_mode', 'In proxy mode the app asks the proxy, not the worker.');
		if (!link) return fail('not_ready', 'The worker is not initialised yet (call init first).');
		return link.call(method, args);
	}

	/** Builds the engine when this tab leads; the returned handler answers every tab's calls. */
	async function lead(): Promise<Handler> {
		const database = await db();
		const built = await EngineHome.start({ db: database, config, relayBase, clock, ...(deps.random ? { random: deps.random } : {}), ...(deps.network ? { network: deps.network } : {}) });
		home = built;
		const monitor = new DirectMonitor({ home: built, db: database, version: deps.version, relayBase, now, ...(deps.fetch ? { fetch: deps.fetch } : {}) });
		// Only the leading tab evaluates alert rules: one engine, one set of firings.
		monitor.alerts.start();
		return async (method, args) => {
			if (method === KEYS_CHANGED) {
				await built.reloadKeys();
				return ok(null);
			}
			if (method === SETTINGS_CHANGED) {
				settings = await new SettingsStore(database).get();
				return ok(null);
			}
			if (!isMonitorMethod(method)) return fail('bad_input', `unknown method '${method}'`);
			const fn = monitor[method] as (...a: unknown[]) => Promise<Result<unknown>>;
			return fn.apply(monitor, [...args]);
		};
	}

	async function init(cfg: AppConfig, m: 'direct' | 'proxy'): Promise<Result<{ leader: boolean; settings: Settings }>> {
		try {
			config = cfg && typeof cfg === 'object' ? cfg : {};
			settings = await new SettingsStore(await db()).get();
			mode = m === 'proxy' ? 'proxy' : 'direct';
			if (mode === 'proxy') return ok({ leader: false, settings });
			link = new TabLink({
				locks: deps.locks ?? soloLocks,
				channel: deps.channel ? deps.channel() : noChannel(),
				lead,
				clock,
				...(deps.tabTimeoutMs ? { timeoutMs: deps.tabTimeoutMs } : {}),
				onLeader: () => scheduler.startProbes(() => (home ? probeUnhealthy(home.engine, now) : Promise.resolve()), deps.probeEveryMs ?? PROBE_EVERY_MS),
			});
			const { leader } = await link.start();
			if (link.role === 'failed') return fail('engine_failed', `The engine could not start: ${link.leadError}`);
			return ok({ leader, settings });
		} catch (error) {
			return fail('init_failed', `The worker could not start: ${error instanceof Error ? error.message : String(error)}`);
		}
	}

	const forward =
		<K extends MonitorMethod>(method: K) =>
		(...args: unknown[]) =>
			call(method, args);

	const own = {
		init: (cfg: AppConfig, m: 'direct' | 'proxy') => (initResult ??= init(cfg, m)),

		async settings(): Promise<Settings> {
			try {
				settings = await new SettingsStore(await db()).get();
			} catch {
				// IndexedDB unavailable (private mode in some browsers): the defaults, or what was read before.
			}
			return settings;
		},

		async saveSettings(patch: Partial<Settings>): Promise<Result<Settings>> {
			try {
				const r = await new SettingsStore(await db()).save(patch);
				if (r.ok) {
					settings = r.value;
					if (link && !link.isLeader) await link.call(SETTINGS_CHANGED, []);
				}
				return r;
			} catch (error) {
				return fail('storage', `Settings could not be saved: ${error instanceof Error ? error.message : String(error)}`);
			}
		},

		async keyNames(): Promise<string[]> {
			try {
				return await new KeyStore(await db(), now).names();
			} catch {
				return [];
			}
		},

		async setKey(name: string, value: string): Promise<Result<{ name: string }>> {
			try {
				const r = await new KeyStore(await db(), now).set(name, value);
				if (r.ok && link) await link.call(KEYS_CHANGED, []);
				return r;
			} catch {
				return fail('storage', 'The key could not be saved.');
			}
		},

		async deleteKey(name: string): Promise<Result<{ name: string }>> {
			try {
				const r = await new KeyStore(await db(), now).delete(name);
				if (r.ok && link) await link.call(KEYS_CHANGED, []);
				return r;
			} catch {
				return fail('storage', 'The key could not be deleted.');
			}
		},

		async remember(key: string, answer: DataAnswer<unknown>): Promise<void> {
			try {
				await new AnswerStore(await db()).remember(key, answer);
			} catch {
				// Keeping a copy is best effort: the answer itself was already shown.
			}
		},

		async recall(key: string): Promise<DataAnswer<unknown> | undefined> {
			try {
				return await new AnswerStore(await db()).recall(key);
			} catch {
				return undefined;
			}
		},

		async watch<C extends Capability>(capability: C, params: ParamsInput<C>, intervalMs: number, onResult: (r: Result<DataAnswer<ResultOf<C>>>) => void, options?: DataOptions): Promise<number> {
			try {
				// The scheduler hands each listener the answers of the request it watches, so they are ResultOf<C>.
				return scheduler.watch(capability, params, intervalMs, onResult as Listener, options);
			} catch (error) {
				// Params that cannot even be keyed (e.g. cyclic): say so once, watch nothing.
				void Promise.resolve(onResult(fail('bad_params', `cannot watch this request: ${error instanceof Error ? error.message : String(error)}`))).catch(() => undefined);
				return 0;
			}
		},

		async unwatch(id: number): Promise<void> {
			scheduler.unwatch(id);
		},

		/** Stops polling, leaves the tab group (handing the lock on), writes what is pending. */
		async close(): Promise<void> {
			scheduler.close();
			link?.close();
			await home?.close().catch(() => undefined);
			if (dbPromise) (await dbPromise.catch(() => undefined))?.close();
		},
	} satisfies Omit<WorkerApi, MonitorMethod> & { close(): Promise<void> };

	const forwarded = {
		data: forward('data'),
		status: forward('status'),
		providers: forward('providers'),
		provider: forward('provider'),
		healthCheck: forward('healthCheck'),
		breaker: forward('breaker'),
		recentRequests: forward('recentRequests'),
		pools: forward('pools'),
		savePool: forward('savePool'),
		deletePool: forward('deletePool'),
		addMember: forward('addMember'),
		removeMember: forward('removeMember'),
		rotate: forward('rotate'),
		rotations: forward('rotations'),
		logs: forward('logs'),
		logStats: forward('logStats'),
		clearLogs: forward('clearLogs'),
		resources: forward('resources'),
		addProvider: forward('addProvider'),
		deleteProvider: forward('deleteProvider'),
		exportResources: forward('exportResources'),
		importResources: forward('importResources'),
		backup: forward('backup'),
		backups: forward('backups'),
		runDiagnostics: forward('runDiagnostics'),
		lastDiagnostics: forward('lastDiagnostics'),
		discovery: forward('discovery'),
		discoveryAction: forward('discoveryAction'),
		marketSentiment: forward('marketSentiment'),
		priceConsensus: forward('priceConsensus'),
		sentimentEnsemble: forward('sentimentEnsemble'),
		modelsReport: forward('modelsReport'),
		browserModel: forward('browserModel'),
		statusIndex: forward('statusIndex'),
		providerStatus: forward('providerStatus'),
		poolStatus: forward('poolStatus'),
		alertRules: forward('alertRules'),
		addAlertRule: forward('addAlertRule'),
		deleteAlertRule: forward('deleteAlertRule'),
		recentAlerts: forward('recentAlerts'),
		alertPushKey: forward('alertPushKey'),
		subscribeAlertPush: forward('subscribeAlertPush'),
	} satisfies Record<MonitorMethod, unknown>;
	// Forwarded calls answer with the leading tab's DirectMonitor Results, so their types are MonitorApi's.
	return { ...own, ...(forwarded as unknown as Pick<MonitorApi, MonitorMethod>) };
}
