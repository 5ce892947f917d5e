import { base as appBase } from '$app/paths';
import { wrap, proxy, type Remote } from 'comlink';
import type { Capability, ParamsInput, ResultOf } from '../../../shared/model';
import { fail, ok, DEFAULT_SETTINGS, type AppConfig, type DataAnswer, type DataOptions, type Mode, type MonitorApi, type Result, type Settings } from '../../../shared/api/monitor';
import type { Group } from '../../../shared/api/ws';
import type { WorkerApi } from '../../../worker/api';
import { requestKey } from '../../../worker/api';
import { ProxyMonitor } from './proxy';

/**
 * The only place that knows the mode. Direct mode: the engine in the worker (comlink) calls the
 * providers itself. Proxy mode: REST to the proxy plus a WebSocket whose `update`s refresh what is
 * watched. Either way the worker keeps settings, keys and the last known answer of every request
 * in IndexedDB, so a reload offline shows the last data marked stale with its age.
 */

export type Unwatch = () => void;
export type OnResult<T> = (r: Result<DataAnswer<T>>) => void;

export interface AppClient extends MonitorApi {
	readonly mode: Mode;
	/** Settings as loaded (saveSettings returns the new ones). */
	readonly settings: Settings;
	/** The settings as stored in IndexedDB, once the worker has read them (the first ones may come from a mirror). */
	readonly settled: Promise<Settings>;
	saveSettings(patch: Partial<Settings>): Promise<Result<Settings>>;
	keyNames(): Promise<string[]>;
	setKey(name: string, value: string): Promise<Result<{ name: string }>>;
	deleteKey(name: string): Promise<Result<{ name: string }>>;
	/**
	 * Keep a request fresh while a screen shows it: `onResult` gets the last known answer at once
	 * (flagged stale) when there is one, then each answer every `intervalMs`. Call the returned
	 * function when the screen closes.
	 */
	watch<C extends Capability>(capability: C, params: ParamsInput<C>, intervalMs: number, onResult: OnResult<ResultOf<C>>, options?: DataOptions): Unwatch;
}

/** Which WebSocket group carries updates of a capability (proxy mode). */
const GROUP_OF: Partial<Record<Capability, Group>> = {
	price: 'prices',
	markets: 'market',
	global: 'market',
	news: 'news',
	'fear-greed': 'sentiment'
};

async function loadConfig(): Promise<AppConfig> {
	try {
		// Beside the app's pages: `base` is where they were loaded from (any sub-path), whatever the screen.
		const res = await fetch(new URL(`${appBase}/app-config.json`, location.href), { cache: 'no-cache' });
		if (!res.ok) return {};
		const body: unknown = await res.json();
		return body && typeof body === 'object' && !Array.isArray(body) ? (body as AppConfig) : {};
	} catch {
		return {};
	}
}

/** Whether `base` answers /health as the proxy does. */
async function isProxy(base: string): Promise<boolean> {
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), 2_500);
	try {
		const res = await fetch(`${base}/health`, { signal: controller.signal, cache: 'no-store' });
		if (!res.ok) return false;
		const body = (await res.json()) as { status?: unknown };
		return body.status === 'ok';
	} catch {
		return false;
	} finally {
		clearTimeout(timer);
	}
}

const LAST_MODE = 'crypto-monitor:last-mode';

async function resolveMode(settings: Settings, config: AppConfig, base: string): Promise<Mode> {
	const wanted = settings.mode !== 'auto' ? settings.mode : (config.mode ?? 'auto');
	if (wanted !== 'auto') return wanted;
	if (await isProxy(base)) return 'proxy';
	// Offline, a page that was in proxy mode stays in it: its last known answers are the same either way.
	if (typeof navigator !== 'undefined' && !navigator.onLine && localStorage.getItem(LAST_MODE) === 'proxy') return 'proxy';
	return 'direct';
}

class Client implements AppClient {
	settings: Settings;
	readonly settled: Promise<Settings>;
	readonly #worker: Remote<WorkerApi>;
	readonly #api: MonitorApi;
	readonly #groups = new Map<Group, Set<() => void>>();
	#socket: WebSocket | undefined;
	#socketRetry = 1_000;

	constructor(
		readonly mode: Mode,
		worker: Remote<WorkerApi>,
		settings: Settings,
		readonly base: string,
		settled: Promise<Settings>
	) {
		this.#worker = worker;
		this.settings = settings;
		this.settled = settled.then((s) => (this.settings = s));
		this.#api = mode === 'proxy' ? new ProxyMonitor(base, () => this.settings.adminToken) : (worker as unknown as MonitorApi);
	}

	// ---- settings and keys (always the worker's IndexedDB) ----

	async saveSettings(patch: Partial<Settings>): Promise<Result<Settings>> {
		const r = await this.#worker.saveSettings(patch);
		if (r.ok) {
			this.settings = r.value;
			writeMirror(r.value);
		}
		return r;
	}
	keyNames = () => this.#worker.keyNames();
	setKey = (name: string, value: string) => this.#worker.setKey(name, value);
	deleteKey = (name: string) => this.#worker.deleteKey(name);

	// ---- data ----

	async data<C extends Capability>(capability: C, params: ParamsInput<C>, options?: DataOptions): Promise<Result<DataAnswer<ResultOf<C>>>> {
		if (this.mode === 'direct') return this.#worker.data(capability, params, options) as Promise<Result<DataAnswer<ResultOf<C>>>>;
		const key = requestKey(capability, params);
		const r = await this.#api.data(capability, params, options);
		if (r.ok) {
			void this.#worker.remember(key, r.value);
			return r;
		}
		// Offline or the proxy down: the last known answer, flagged stale with its real age.
		const last = (await this.#worker.recall(key)) as DataAnswer<ResultOf<C>> | undefined;
		return last ? ok({ ...last, cached: true, stale: true }) : r;
	}

	watch<C extends Capability>(capability: C, params: ParamsInput<C>, intervalMs: number, onResult: OnResult<ResultOf<C>>, options?: DataOptions): Unwatch {
		return this.mode === 'direct' ? this.#watchDirect(capability, params, intervalMs, onResult, options) : this.#watchProxy(capability, params, intervalMs, onResult, options);
	}

	#watchDirect<C extends Capability>(capability: C, params: ParamsInput<C>, intervalMs: number, onResult: OnResult<ResultOf<C>>, options?: DataOptions): Unwatch {
		let id: number | undefined;
		let closed = false;
		void this.#worker.watch(capability, params, intervalMs, proxy(onResult as OnResult<unknown>) as never, options).then((n) => {
			id = n;
			if (closed) void this.#worker.unwatch(n);
		});
		return () => {
			closed = true;
			if (id !== undefined) void this.#worker.unwatch(id);
		};
	}

	#watchProxy<C extends Capability>(capability: C, params: ParamsInput<C>, intervalMs: number, onResult: OnResult<ResultOf<C>>, options?: DataOptions): Unwatch {
		let closed = false;
		let timer: ReturnType<typeof setTimeout> | undefined;
		let running = false;
		const key = requestKey(capability, params);
		const run = async () => {
			if (closed || running) return;
			running = true;
			clearTimeout(timer);
			const r = await this.data(capability, params, options);
			running = false;
			if (closed) return;
			onResult(r);
			timer = setTimeout(() => void run(), intervalMs);
		};
		// First paint from IndexedDB while the proxy is asked.
		void this.#worker.recall(key).then((last) => {
			if (!closed && last && !running) onResult(ok({ ...(last as DataAnswer<ResultOf<C>>), cached: true, stale: true }));
		});
		void run();
		const group = GROUP_OF[capability];
		const refresh = () => void run();
		if (group) this.#join(group, refresh);
		return () => {
			closed = true;
			clearTimeout(timer);
			if (group) this.#leave(group, refresh);
		};
	}

	// ---- proxy mode WebSocket: `update` on a group refreshes its watchers ----

	#join(group: Group, fn: () => void): void {
		let set = this.#groups.get(group);
		if (!set) {
			set = new Set();
			this.#groups.set(group, set);
			this.#send({ type: 'subscribe', group });
		}
		set.add(fn);
		this.#connect();
	}

	#leave(group: Group, fn: () => void): void {
		const set = this.#groups.get(group);
		if (!set) return;
		set.delete(fn);
		if (set.size === 0) {
			this.#groups.delete(group);
			this.#send({ type: 'unsubscribe', group });
		}
	}

	#send(message: { type: 'subscribe' | 'unsubscribe'; group: Group }): void {
		if (this.#socket?.readyState === WebSocket.OPEN) this.#socket.send(JSON.stringify(message));
	}

	#connect(): void {
		if (this.#socket || typeof WebSocket === 'undefined') return;
		const url = new URL(`${this.base}/ws?client=browser`, location.href);
		url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
		let socket: WebSocket;
		try {
			socket = new WebSocket(url);
		} catch {
			return;
		}
		this.#socket = socket;
		socket.onopen = () => {
			this.#socketRetry = 1_000;
			for (const group of this.#groups.keys()) this.#send({ type: 'subscribe', group });
		};
		socket.onmessage = (event) => {
			let message: { type?: unknown; channel?: unknown };
			try {
				message = JSON.parse(String(event.data)) as typeof message;
			} catch {
				return;
			}
			if (message.type !== 'update' || typeof message.channel !== 'string') return;
			// Only groups this page joined have listeners; anything else is ignored.
			for (const fn of this.#groups.get(message.channel as Group) ?? []) fn();
		};
		socket.onclose = () => {
			this.#socket = undefined;
			if (this.#groups.size === 0) return;
			// Back off up to a minute while the proxy is away (offline, restarting).
			setTimeout(() => this.#connect(), this.#socketRetry);
			this.#socketRetry = Math.min(60_000, this.#socketRetry * 2);
		};
	}

	// ---- the rest of MonitorApi: the mode's implementation ----

	status = () => this.#api.status();
	providers = () => this.#api.providers();
	provider = (id: string) => this.#api.provider(id);
	healthCheck: MonitorApi['healthCheck'] = (id, capability) => this.#api.healthCheck(id, capability);
	breaker: MonitorApi['breaker'] = (id, action, capability) => this.#api.breaker(id, action, capability);
	recentRequests: MonitorApi['recentRequests'] = (limit) => this.#api.recentRequests(limit);
	pools = () => this.#api.pools();
	savePool: MonitorApi['savePool'] = (pool) => this.#api.savePool(pool);
	deletePool: MonitorApi['deletePool'] = (id) => this.#api.deletePool(id);
	addMember: MonitorApi['addMember'] = (poolId, member) => this.#api.addMember(poolId, member);
	removeMember: MonitorApi['removeMember'] = (poolId, providerId) => this.#api.removeMember(poolId, providerId);
	rotate: MonitorApi['rotate'] = (poolId, capability) => this.#api.rotate(poolId, capability);
	rotations = () => this.#api.rotations();
	logs: MonitorApi['logs'] = (query) => this.#api.logs(query);
	logStats = () => this.#api.logStats();
	clearLogs = () => this.#api.clearLogs();
	resources = () => this.#api.resources();
	addProvider: MonitorApi['addProvider'] = (p) => this.#api.addProvider(p);
	deleteProvider: MonitorApi['deleteProvider'] = (id) => this.#api.deleteProvider(id);
	exportResources = () => this.#api.exportResources();
	importResources: MonitorApi['importResources'] = (body, mode) => this.#api.importResources(body, mode);
	backup = () => this.#api.backup();
	backups = () => this.#api.backups();
	runDiagnostics = () => this.#api.runDiagnostics();
	lastDiagnostics = () => this.#api.lastDiagnostics();
	discovery = () => this.#api.discovery();
	discoveryAction: MonitorApi['discoveryAction'] = (action) => this.#api.discoveryAction(action);
	marketSentiment: MonitorApi['marketSentiment'] = (symbol) => this.#api.marketSentiment(symbol);
	priceConsensus: MonitorApi['priceConsensus'] = (symbol, vs) => this.#api.priceConsensus(symbol, vs);
	sentimentEnsemble: MonitorApi['sentimentEnsemble'] = (texts) => this.#api.sentimentEnsemble(texts);
	modelsReport = () => this.#api.modelsReport();
	browserModel: MonitorApi['browserModel'] = (enable) => this.#api.browserModel(enable);
	statusIndex = () => this.#api.statusIndex();
	providerStatus = (id: string) => this.#api.providerStatus(id);
	poolStatus = (id: string) => this.#api.poolStatus(id);
	alertRules = () => this.#api.alertRules();
	addAlertRule: MonitorApi['addAlertRule'] = (rule) => this.#api.addAlertRule(rule);
	deleteAlertRule: MonitorApi['deleteAlertRule'] = (id) => this.#api.deleteAlertRule(id);
	recentAlerts: MonitorApi['recentAlerts'] = (limit) => this.#api.recentAlerts(limit);
	alertPushKey = () => this.#api.alertPushKey();
	subscribeAlertPush: MonitorApi['subscribeAlertPush'] = (subscription) => this.#api.subscribeAlertPush(subscription);
}

let connecting: Promise<Result<AppClient>> | undefined;

/** The page's client, built once: the worker, settings from IndexedDB, then the mode. */
export function connect(): Promise<Result<AppClient>> {
	connecting ??= start();
	return connecting;
}

/**
 * Settings as last saved, mirrored in localStorage (without the admin token) so the first screen
 * can ask for its data before the worker has started and read IndexedDB; the worker's copy is
 * the truth and replaces this as soon as it is read.
 */
const SETTINGS_MIRROR = 'crypto-monitor:settings';

/** The settings last saved in this browser (language, theme …), readable before the worker starts. */
export function mirroredSettings(): Settings | undefined {
	return typeof localStorage === 'undefined' ? undefined : readMirror();
}

function readMirror(): Settings | undefined {
	try {
		const raw = localStorage.getItem(SETTINGS_MIRROR);
		if (!raw) return undefined;
		const parsed: unknown = JSON.parse(raw);
		return parsed && typeof parsed === 'object' ? { ...DEFAULT_SETTINGS, ...(parsed as Partial<Settings>), adminToken: '' } : undefined;
	} catch {
		return undefined;
	}
}

function writeMirror(settings: Settings): void {
	try {
		localStorage.setItem(SETTINGS_MIRROR, JSON.stringify({ ...settings, adminToken: undefined }));
	} catch {
		// Storage may be off (private mode): the next start waits for the worker instead.
	}
}

async function start(): Promise<Result<AppClient>> {
	if (typeof Worker === 'undefined' || typeof indexedDB === 'undefined') {
		return fail('unsupported', 'This browser lacks Web Workers or IndexedDB, which Crypto Monitor needs.');
	}
	// The worker starts loading at once; the config and the settings are read meanwhile.
	const worker = wrap<WorkerApi>(new Worker(new URL('../../../worker/engine.worker.ts', import.meta.url), { type: 'module', name: 'crypto-monitor-engine' }));
	const configured = loadConfig();
	const stored = readMirror() ?? (await worker.settings().catch(() => DEFAULT_SETTINGS));
	const config = await configured;
	const base = (stored.proxyUrl || config.proxyUrl || '').replace(/\/+$/, '');
	const mode = await resolveMode(stored, config, base);
	try {
		localStorage.setItem(LAST_MODE, mode);
	} catch {
		// Storage may be off (private mode); the mode is then probed each time.
	}
	const initialised = worker.init(config, mode).then((r) => {
		if (r.ok) writeMirror(r.value.settings);
		return r;
	});
	if (mode === 'direct') {
		// Direct mode answers from the worker's engine: it must be built first.
		const init = await initialised;
		if (!init.ok) return init;
		return ok(new Client(mode, worker, init.value.settings, base, Promise.resolve(init.value.settings)));
	}
	// Proxy mode asks the proxy: the first screen need not wait for the worker (it keeps only
	// settings, keys and last known answers here).
	const settled = initialised.then((r) => (r.ok ? r.value.settings : stored));
	return ok(new Client(mode, worker, stored, base, settled));
}
