import type { Capability, ParamsInput, ResultOf } from '../../../shared/model';
import type { PoolConfigInput } from '../../../shared/engine/pool';
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
	type StatusView
} from '../../../shared/api/monitor';
import type { MarketSentiment as MarketSentimentT, PriceConsensus as PriceConsensusT } from '../../../shared/api/market';
import type { DiscoveryAction, DiscoveryStatus } from '../../../shared/api/discovery';
import type { PoolStatusHistory, ProviderStatusHistory, StatusIndex } from '../../../shared/api/status-history';
import type { Alert, NewRuleInput, Rule } from '../../../shared/alerts/rules';
import type { PushSubscriptionInput } from '../../../shared/alerts/api';
import type { BrowserModelStateT, ModelsReportT, SentimentEnsembleT } from '../../../shared/sentiment/schema';

/**
 * Proxy mode: `MonitorApi` over the proxy's REST API. Only client.ts builds one. The proxy
 * validates every answer's shape against shared/api/rest.ts before sending it, so bodies are read
 * as those shapes; what could not be read (network, a body that is not JSON) becomes a Result
 * failure with a readable message.
 */

type Fetch = typeof fetch;
type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

/** `{symbols: ['BTC','ETH'], vs: 'USD'}` -> `symbols=BTC,ETH&vs=USD` (what proxy/routes/data.ts reads back). */
export function toQuery(params: Query): string {
	const q = new URLSearchParams();
	for (const [k, v] of Object.entries(params)) {
		if (v === undefined) continue;
		if (Array.isArray(v)) {
			// `texts` items may hold commas: one parameter each.
			if (k === 'texts') for (const item of v as readonly string[]) q.append(k, item);
			else q.set(k, (v as readonly string[]).join(','));
		} else q.set(k, String(v));
	}
	const s = q.toString();
	return s ? `?${s}` : '';
}

export class ProxyMonitor implements MonitorApi {
	readonly #base: string;
	readonly #fetch: Fetch;
	readonly #token: () => string;

	/** `base`: the proxy's origin ('' for the page's own). `token`: the admin token, read at each call. */
	constructor(base: string, token: () => string, fetchFn: Fetch = fetch) {
		this.#base = base.replace(/\/+$/, '');
		this.#fetch = fetchFn;
		this.#token = token;
	}

	async #call<T>(method: string, path: string, body?: unknown): Promise<Result<T>> {
		const headers: Record<string, string> = { accept: 'application/json' };
		if (body !== undefined) headers['content-type'] = 'application/json';
		if (method !== 'GET') {
			const token = this.#token();
			if (token) headers.authorization = `Bearer ${token}`;
		}
		let res: Response;
		try {
			res = await this.#fetch(`${this.#base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
		} catch {
			return fail('network', 'The proxy could not be reached (offline, or it is not running).');
		}
		let parsed: unknown;
		try {
			parsed = await res.json();
		} catch {
			return fail('bad_response', `The proxy answered ${res.status} without JSON.`);
		}
		if (!res.ok) {
			const e = (parsed ?? {}) as { error?: unknown; code?: unknown };
			const message = typeof e.error === 'string' ? e.error : `The proxy answered ${res.status}.`;
			const code = typeof e.code === 'string' ? e.code : res.status === 401 || res.status === 403 ? 'admin_token' : `http_${res.status}`;
			return fail(code, message);
		}
		return ok(parsed as T);
	}

	async #pick<T, K extends string>(path: string, key: K): Promise<Result<T>> {
		const r = await this.#call<Record<K, T>>('GET', path);
		return r.ok ? ok(r.value[key]) : r;
	}

	async data<C extends Capability>(capability: C, params: ParamsInput<C>, options: DataOptions = {}): Promise<Result<DataAnswer<ResultOf<C>>>> {
		const query = { ...(params as Query), ...(options.fresh ? { fresh: 'true' } : {}), ...(options.pool ? { pool: options.pool } : {}) };
		const r = await this.#call<DataAnswer<ResultOf<C>>>('GET', `/api/data/${capability}${toQuery(query)}`);
		if (!r.ok) return r;
		const { data, source, ts, cached, stale, latencyMs } = r.value;
		return ok({ data, source, ts, cached, stale, latencyMs });
	}

	status(): Promise<Result<StatusView>> {
		return this.#call('GET', '/api/status');
	}
	providers(): Promise<Result<ProviderViewT[]>> {
		return this.#pick('/api/providers', 'providers');
	}
	provider(id: string): Promise<Result<ProviderDetailT>> {
		return this.#call('GET', `/api/providers/${encodeURIComponent(id)}`);
	}
	healthCheck(id: string, capability?: Capability): Promise<Result<HealthCheckT>> {
		return this.#call('GET', `/api/providers/${encodeURIComponent(id)}/health-check${toQuery({ capability })}`);
	}
	breaker(id: string, action: BreakerAction, capability?: Capability): Promise<Result<BreakerChangeT>> {
		return this.#call('POST', `/api/providers/${encodeURIComponent(id)}/breaker/${action}${toQuery({ capability })}`);
	}
	recentRequests(limit = 100): Promise<Result<RequestEventT[]>> {
		return this.#pick(`/api/monitoring/requests/recent${toQuery({ limit })}`, 'requests');
	}

	pools(): Promise<Result<PoolViewT[]>> {
		return this.#pick('/api/pools', 'pools');
	}
	savePool(pool: PoolConfigInput): Promise<Result<PoolViewT>> {
		return this.#call('PUT', `/api/pools/${encodeURIComponent(pool.id)}`, pool);
	}
	deletePool(id: string): Promise<Result<{ deleted: string }>> {
		return this.#call('DELETE', `/api/pools/${encodeURIComponent(id)}`);
	}
	addMember(poolId: string, member: PoolMemberInput): Promise<Result<PoolViewT>> {
		return this.#call('POST', `/api/pools/${encodeURIComponent(poolId)}/members`, member);
	}
	removeMember(poolId: string, providerId: string): Promise<Result<PoolViewT>> {
		return this.#call('DELETE', `/api/pools/${encodeURIComponent(poolId)}/members/${encodeURIComponent(providerId)}`);
	}
	rotate(poolId: string, capability?: Capability): Promise<Result<RotationT>> {
		return this.#call('POST', `/api/pools/${encodeURIComponent(poolId)}/rotate`, capability ? { capability } : {});
	}
	rotations(): Promise<Result<RotationT[]>> {
		return this.#pick('/api/pools/history', 'rotations');
	}

	logs(query: LogQuery = {}): Promise<Result<LogRecordT[]>> {
		return this.#pick(`/api/logs${toQuery({ ...query })}`, 'logs');
	}
	logStats(): Promise<Result<LogStatsT>> {
		return this.#call('GET', '/api/logs/stats');
	}
	clearLogs(): Promise<Result<{ deleted: number }>> {
		return this.#call('DELETE', '/api/logs');
	}

	resources(): Promise<Result<ResourceListT>> {
		return this.#call('GET', '/api/resources');
	}
	addProvider(provider: NewUserProviderT): Promise<Result<NewUserProviderT & { live: boolean }>> {
		return this.#call('POST', '/api/resources/provider', provider);
	}
	deleteProvider(id: string): Promise<Result<{ deleted: string }>> {
		return this.#call('DELETE', `/api/resources/provider/${encodeURIComponent(id)}`);
	}
	exportResources(): Promise<Result<ResourcesExportT>> {
		return this.#call('GET', '/api/resources/export/json');
	}
	importResources(body: unknown, mode: 'merge' | 'replace'): Promise<Result<ImportDoneT>> {
		return this.#call('POST', '/api/resources/import/json', { mode, data: body });
	}
	backup(): Promise<Result<BackupInfoT>> {
		return this.#call('POST', '/api/resources/backup');
	}
	backups(): Promise<Result<BackupInfoT[]>> {
		return this.#pick('/api/resources/backups', 'backups');
	}

	runDiagnostics(): Promise<Result<DiagnosticsT>> {
		return this.#call('POST', '/api/diagnostics/run');
	}
	lastDiagnostics(): Promise<Result<DiagnosticsT | null>> {
		// null before the first run.
		return this.#call('GET', '/api/diagnostics/last');
	}
	discovery(): Promise<Result<DiscoveryStatus>> {
		return this.#call('GET', '/api/resources/discovery/status');
	}
	async discoveryAction(action: DiscoveryAction): Promise<Result<DiscoveryStatus>> {
		const path = action.kind === 'run' ? '/api/resources/discovery/run' : `/api/resources/discovery/candidates/${encodeURIComponent(action.id)}/${action.kind}`;
		const done = await this.#call<unknown>('POST', path, action.kind === 'accept' ? (action.pool ? { pool: action.pool } : {}) : undefined);
		return done.ok ? this.discovery() : done;
	}

	marketSentiment(symbol?: string): Promise<Result<DataAnswer<MarketSentimentT>>> {
		const path = symbol === undefined ? '/api/resources/sentiment/global' : `/api/resources/sentiment/coin/${encodeURIComponent(symbol)}`;
		return this.#answer(path);
	}
	priceConsensus(symbol: string, vs = 'USD'): Promise<Result<DataAnswer<PriceConsensusT>>> {
		return this.#answer(`/api/resources/market/consensus/${encodeURIComponent(symbol)}${toQuery({ vs })}`);
	}
	/** An upstream answer without the proxy's `ageMs` (the app computes age from `ts`). */
	async #answer<T>(path: string): Promise<Result<DataAnswer<T>>> {
		const r = await this.#call<DataAnswer<T>>('GET', path);
		if (!r.ok) return r;
		const { data, source, ts, cached, stale, latencyMs } = r.value;
		return ok({ data, source, ts, cached, stale, latencyMs });
	}

	sentimentEnsemble(texts: string[]): Promise<Result<SentimentEnsembleT>> {
		return this.#call('POST', '/api/resources/sentiment/analyze', { texts });
	}
	modelsReport(): Promise<Result<ModelsReportT>> {
		return this.#call('GET', '/api/reports/models');
	}
	browserModel(): Promise<Result<BrowserModelStateT>> {
		// The proxy answers with its own models; a model inside this browser runs in direct mode only.
		return Promise.resolve(fail('direct_only', 'The in-browser model runs in direct mode; in proxy mode the proxy’s models answer.'));
	}

	statusIndex(): Promise<Result<StatusIndex>> {
		return this.#call('GET', '/api/status/index');
	}
	providerStatus(id: string): Promise<Result<ProviderStatusHistory>> {
		return this.#call('GET', `/api/status/providers/${encodeURIComponent(id)}`);
	}
	poolStatus(id: string): Promise<Result<PoolStatusHistory>> {
		return this.#call('GET', `/api/status/pools/${encodeURIComponent(id)}`);
	}

	alertRules(): Promise<Result<Rule[]>> {
		return this.#pick('/api/alerts/rules', 'rules');
	}
	addAlertRule(rule: NewRuleInput): Promise<Result<Rule>> {
		return this.#call('POST', '/api/alerts/rules', rule);
	}
	deleteAlertRule(id: string): Promise<Result<{ deleted: string }>> {
		return this.#call('DELETE', `/api/alerts/rules/${encodeURIComponent(id)}`);
	}
	recentAlerts(limit = 100): Promise<Result<Alert[]>> {
		return this.#pick(`/api/alerts?limit=${limit}`, 'alerts');
	}
	alertPushKey(): Promise<Result<{ publicKey: string }>> {
		return this.#call('GET', '/api/alerts/push/key');
	}
	subscribeAlertPush(subscription: PushSubscriptionInput): Promise<Result<{ subscribed: true }>> {
		return this.#call('POST', '/api/alerts/push/subscribe', subscription);
	}
}
