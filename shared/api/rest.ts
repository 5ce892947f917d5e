import { z } from 'zod';
import { CATEGORIES, FAILURE_KINDS, TIERS } from '../engine/adapter';
import { PoolConfig, PoolMemberConfig } from '../engine/pool';
import { STRATEGIES } from '../engine/strategies';
import { CAPABILITIES, CAPABILITY_IDS, CHAINS, type Capability } from '../model';
import { Group, HubStats, SessionInfo } from './ws';
import { PoolStatusHistory, ProviderStatusHistory, StatusIndex } from './status-history';
import { templateIssue, UserTemplate } from '../catalog/user-template';
import { ALERT_OPERATIONS } from '../alerts/api';
import { SENTIMENT_OPERATIONS } from '../sentiment/api';
import { MARKET_OPERATIONS } from './market';
import { DISCOVERY_OPERATIONS } from './discovery';

/**
 * The proxy's REST contract, shared by the proxy (validation, OpenAPI) and the app (typed reads).
 * Every answer carrying upstream data says where it came from (`source`) and how old it is
 * (`ts`, `ageMs`). Keys never appear in any of these shapes: a provider shows how many keys it
 * has and the remaining quota per key *label* (`key1`, `anonymous`), never a key.
 */

// ---- inputs ----

const idPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** A provider or pool id: lower-case letters, digits and dashes, at most 64 characters. */
export const Id = z.string().max(64, 'an id is at most 64 characters').regex(idPattern, 'an id is lower-case letters, digits and dashes');
export const CapabilityId = z.enum(CAPABILITY_IDS as [Capability, ...Capability[]]);
export const SymbolParam = z
  .string()
  .max(20, 'a symbol is at most 20 characters')
  .regex(/^[A-Za-z0-9]+$/, 'a symbol is letters and digits, e.g. BTC')
  .transform((s) => s.toUpperCase());
const limit = (def: number, max: number) => z.coerce.number().int('limit must be a whole number').min(1).max(max).default(def);

export const ProviderParams = z.object({ id: Id });
export const CategoryParams = z.object({ category: z.enum(CATEGORIES) });
export const PoolParams = z.object({ id: Id });
export const PoolMemberParams = z.object({ id: Id, providerId: Id });
export const BreakerParams = z.object({ id: Id, action: z.enum(['reset', 'open', 'disable', 'enable']) });
export const SymbolParams = z.object({ symbol: SymbolParam });
export const CapabilityParams = z.object({ capability: CapabilityId });

export const ProvidersQuery = z.object({ capability: CapabilityId.optional(), category: z.enum(CATEGORIES).optional() });
export const HealthCheckQuery = z.object({ capability: CapabilityId.optional() });
export const BreakerQuery = z.object({ capability: CapabilityId.optional() });
export const ExportQuery = z.object({ format: z.enum(['json', 'csv']).default('json') });
export const PricesQuery = z.object({
  symbols: z
    .string()
    .max(1_000)
    .transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x !== ''))
    .pipe(z.array(SymbolParam).min(1, 'give at least one symbol, e.g. ?symbols=BTC,ETH').max(100)),
  vs: SymbolParam.default('USD'),
});
export const PriceQuery = z.object({ vs: SymbolParam.default('USD') });
export const NewsQuery = z.object({ limit: limit(20, 100) });
export const FearGreedQuery = z.object({ limit: limit(30, 1000) });
export const ChainQuery = z.object({ chain: z.enum(CHAINS).default('ethereum') });
const Address = z.string().min(20, 'an address has at least 20 characters').max(128).regex(/^[A-Za-z0-9]+$/, 'an address is letters and digits');
export const AddressQuery = z.object({ chain: z.enum(CHAINS).default('ethereum'), address: Address });
export const TransactionsQuery = AddressQuery.extend({ limit: limit(25, 1000) });
export const RecentQuery = z.object({ limit: limit(100, 1000) });
export const DataQuery = z.record(z.string(), z.string()).describe('The capability params, e.g. ?symbols=BTC,ETH');

/** Ids starting with this are the proxy's own short-lived probe pools. */
export const PROBE_POOL_PREFIX = 'probe--';
export const NewPool = PoolConfig.refine((p) => !p.id.startsWith('default-') && !p.id.startsWith(PROBE_POOL_PREFIX), {
  message: `pool ids starting with 'default-' or '${PROBE_POOL_PREFIX}' are reserved`,
  path: ['id'],
});
export const NewMember = PoolMemberConfig;
export const RotateBody = z.object({ capability: CapabilityId.optional() });

// logs
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
const LogLevel = z.enum(LOG_LEVELS);
const LogFilter = {
  level: LogLevel.optional(),
  kind: z.string().max(32, 'a kind is at most 32 characters').regex(/^[a-z][a-z-]*$/, 'a kind is lower-case letters and dashes, e.g. breaker').optional(),
  provider: Id.optional(),
  since: z.coerce.number().int('since is epoch milliseconds, a whole number').min(0, 'since is epoch milliseconds, at least 0').optional(),
};
export const LogsQuery = z.object({ ...LogFilter, limit: limit(100, 10_000) });
export const LogsExportQuery = z.object({ ...LogFilter, limit: limit(10_000, 10_000) });
export const RecentLogsQuery = z.object({ limit: limit(50, 1_000) });
export const ErrorLogsQuery = z.object({ since: LogFilter.since, provider: LogFilter.provider, limit: limit(100, 10_000) });

// resources (catalog, user providers, import/export, backups)
/** A field's own message, or "required, but missing" when it is absent. */
const unlessMissing =
  (message: (input: unknown) => string) =>
  (iss: { input?: unknown }): string =>
    iss.input === undefined ? 'required, but missing' : message(iss.input);
const httpsUrl = (field: string) =>
  z
    .url({ protocol: /^https$/, error: unlessMissing(() => `${field} must be an https:// URL`) })
    .max(2048)
    .refine((u) => {
      // zod runs this even when the url check above failed: an unparsable value is that check's issue, never a throw.
      let url: URL;
      try {
        url = new URL(u);
      } catch {
        return true;
      }
      return url.username === '' && url.password === '';
    }, `${field} must not carry credentials (keys come from the environment)`);
const UserProviderFields = z.strictObject({
  id: z.string().regex(idPattern, 'a provider id is lower-case letters, digits and dashes (at most 64)'),
  name: z.string().trim().min(1, 'name is required').max(100),
  category: z.enum(CATEGORIES, { error: unlessMissing((input) => `unknown category '${String(input)}' (one of ${CATEGORIES.join(', ')})`) }),
  baseUrl: httpsUrl('baseUrl'),
  docs: httpsUrl('docs'),
  capabilities: z
    .array(z.enum(CAPABILITY_IDS as [Capability, ...Capability[]], { error: unlessMissing((input) => `unknown capability '${String(input)}'`) }))
    .min(1, 'at least one capability')
    .max(CAPABILITY_IDS.length)
    .refine((caps) => new Set(caps).size === caps.length, 'a capability is listed twice'),
  /** How to call it (a catalog family); without one it is stored but not live. */
  template: UserTemplate.optional(),
  /** Whether it sends CORS headers (direct mode then calls it without a relay); default: its template family's. */
  cors: z.boolean({ error: 'cors is true or false' }).optional(),
});
/**
 * A provider added at run time (the API's body, an import's row, the store's record); live when its
 * template says how to call it. Unknown fields are refused rather than dropped, so a typo
 * (`baseURL`) is reported instead of silently lost.
 */
export const NewUserProvider = UserProviderFields.superRefine((p, ctx) => {
  const issue = templateIssue(p);
  if (issue) ctx.addIssue({ code: 'custom', message: issue, path: ['template'] });
});
export const IMPORT_MODES = ['merge', 'replace'] as const;
/**
 * `{ mode, data }` with `data` an export document, or an export document itself (then `mode` may
 * sit beside its fields). Rows are validated by the import, all-or-nothing.
 */
export const ImportBody = z
  .looseObject({
    mode: z.enum(IMPORT_MODES, { error: "mode is 'merge' or 'replace'" }).default('merge'),
    data: z.looseObject({}, { error: 'data must be an export document (an object)' }).optional(),
    providers: z.array(z.unknown(), { error: 'providers must be a list' }).optional(),
    pools: z.array(z.unknown(), { error: 'pools must be a list' }).optional(),
  })
  .refine((b) => b.data !== undefined || b.providers !== undefined || b.pools !== undefined, 'send {"mode":"merge","data":<export>} or an export document with providers and pools');
const BACKUP_NAME = /^crypto-monitor-\d{8}-\d{6}(?:-\d{1,4})?\.db$/;
export const BackupParams = z.object({ name: z.string().max(64, 'a backup name is at most 64 characters').regex(BACKUP_NAME, 'a backup name looks like crypto-monitor-20250102-030405.db') });

// sessions
export const BroadcastBody = z.strictObject({
  group: Group,
  data: z
    .unknown()
    .refine((d) => d !== undefined, 'data is required')
    .refine((d) => (JSON.stringify(d) ?? '').length <= 64 * 1024, 'data is at most 64 KiB of JSON'),
});

// ---- outputs ----

export const ErrorBody = z.object({ error: z.string(), code: z.string().optional() });
const BreakerStateEnum = z.enum(['closed', 'open', 'half_open', 'forced_open', 'disabled']);
const Latency = z.object({ p50: z.number(), p95: z.number(), p99: z.number(), ewma: z.number() });
/** Infinity (no declared limit) is shown as null. */
const Remaining = z.number().nullable();

export const ProviderView = z.object({
  id: z.string(),
  name: z.string(),
  category: z.enum(CATEGORIES),
  capabilities: z.array(CapabilityId),
  auth: z.enum(['none', 'optional key', 'key']),
  cors: z.boolean(),
  tier: z.enum(TIERS),
  verified: z.boolean(),
  docs: z.string(),
  retired: z.string().nullable(),
  /** The provider-wide breaker. */
  state: BreakerStateEnum,
  keysConfigured: z.number().int(),
  /** Needs a key it does not have. */
  missingKey: z.boolean(),
  /** Would be tried now: has its key, breaker not blocking, not cooling. */
  available: z.boolean(),
  requests: z.number().int(),
  successes: z.number().int(),
  successRate: z.number(),
  latencyMs: Latency,
});
export type ProviderView = z.infer<typeof ProviderView>;

export const EndpointView = z.object({
  capability: CapabilityId,
  state: BreakerStateEnum,
  requests: z.number().int(),
  successes: z.number().int(),
  successRate: z.number(),
  latencyMs: Latency,
  failuresByKind: z.record(z.string(), z.number()),
  lastError: z.object({ kind: z.enum(FAILURE_KINDS), at: z.number() }).nullable(),
  lastSuccessAt: z.number().nullable(),
  /** Successful share of calls over the last 24 h (null with no calls). */
  uptime24h: z.number().nullable(),
});
export const ProviderDetail = ProviderView.extend({
  breaker: z.object({ state: BreakerStateEnum, trips: z.number().int(), openUntil: z.number(), consecutive: z.number().int() }),
  endpoints: z.array(EndpointView),
  quota: z.array(z.object({ key: z.string(), remaining: Remaining })),
  limits: z.object({ perSecond: z.number(), perMinute: z.number(), perHour: z.number(), perDay: z.number(), perMonth: z.number() }).partial(),
  inflight: z.number().int(),
  coolUntil: z.number(),
});
export type ProviderDetail = z.infer<typeof ProviderDetail>;
export const ProviderList = z.object({ providers: z.array(ProviderView), total: z.number().int() });

export const HealthCheck = z.object({
  provider: z.string(),
  capability: CapabilityId,
  ok: z.boolean(),
  outcome: z.string(),
  message: z.string().nullable(),
  latencyMs: z.number(),
  state: BreakerStateEnum,
  at: z.number(),
});
export const BreakerChange = z.object({ provider: z.string(), capability: CapabilityId.nullable(), action: z.string(), state: BreakerStateEnum });

export const PoolMemberView = PoolMemberConfig.extend({ state: BreakerStateEnum.nullable(), available: z.boolean() });
export const PoolView = z.object({
  id: z.string(),
  name: z.string(),
  capabilities: z.array(CapabilityId),
  strategy: z.enum(STRATEGIES),
  hedge: z.boolean(),
  maxAlternatives: z.number().int(),
  members: z.array(PoolMemberView),
});
export const PoolList = z.object({ pools: z.array(PoolView), total: z.number().int() });
export const Rotation = z.object({ pool: z.string(), capability: CapabilityId, from: z.string(), to: z.string(), reason: z.string(), at: z.number() });
export const RotationHistory = z.object({ rotations: z.array(Rotation), total: z.number().int() });
export const Deleted = z.object({ deleted: z.string() });

/** Every upstream answer: the data, its source and its age. */
export const answerOf = <T extends z.ZodType>(data: T) =>
  z.object({
    data,
    source: z.string(),
    /** When the data was fetched from its source, epoch ms. */
    ts: z.number(),
    ageMs: z.number(),
    cached: z.boolean(),
    stale: z.boolean(),
    latencyMs: z.number(),
  });
export const AnyAnswer = answerOf(z.unknown());
export type AnyAnswer = z.infer<typeof AnyAnswer>;

const CacheView = z.object({ entries: z.number().int(), hits: z.number().int(), misses: z.number().int(), hitRate: z.number() });
const Counts = z.object({ total: z.number().int(), available: z.number().int(), missingKey: z.number().int(), open: z.number().int(), disabled: z.number().int() });
export const Status = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  uptimeSeconds: z.number().int(),
  providers: Counts,
  pools: z.number().int(),
  capabilities: z.number().int(),
  cache: CacheView,
  requests: z.object({ total: z.number().int(), successes: z.number().int(), successRate: z.number() }),
});
export const StatsRow = z.object({
  provider: z.string(),
  capability: CapabilityId,
  requests: z.number().int(),
  successes: z.number().int(),
  successRate: z.number(),
  p50: z.number(),
  p95: z.number(),
  p99: z.number(),
  ewma: z.number(),
  state: BreakerStateEnum,
});
export const StatsBody = z.object({
  totals: z.object({ requests: z.number().int(), successes: z.number().int(), successRate: z.number() }),
  cache: CacheView,
  byCapability: z.array(z.object({ capability: CapabilityId, requests: z.number().int(), successes: z.number().int(), successRate: z.number(), providers: z.number().int() })),
  byProvider: z.array(z.object({ provider: z.string(), requests: z.number().int(), successes: z.number().int(), successRate: z.number(), p95: z.number() })),
});
export const StatsExport = z.object({ generatedAt: z.number(), rows: z.array(StatsRow) });

export const HierarchyOverview = z.object({
  tiers: z.array(z.object({ tier: z.enum(TIERS), total: z.number().int(), available: z.number().int(), providers: z.array(z.string()) })),
  categories: z.array(z.object({ category: z.enum(CATEGORIES), total: z.number().int(), available: z.number().int() })),
  total: z.number().int(),
});
export const UsageStats = z.object({
  providers: z.array(z.object({ provider: z.string(), tier: z.enum(TIERS), requests: z.number().int(), usedThisWindow: z.number().int(), inflight: z.number().int(), quota: z.array(z.object({ key: z.string(), remaining: Remaining })) })),
});
export const HierarchyHealth = z.object({
  healthy: z.number().int(),
  degraded: z.number().int(),
  down: z.number().int(),
  providers: z.array(z.object({ provider: z.string(), tier: z.enum(TIERS), health: z.enum(['healthy', 'degraded', 'down']), successRate: z.number(), state: BreakerStateEnum })),
});
export const BreakerList = z.object({
  breakers: z.array(z.object({ provider: z.string(), state: BreakerStateEnum, trips: z.number().int(), openUntil: z.number(), endpoints: z.record(z.string(), BreakerStateEnum) })),
  open: z.number().int(),
});
export const MonitoringStatus = z.object({
  status: z.enum(['ok', 'degraded']),
  providers: Counts,
  recentRequests: z.number().int(),
  recentFailures: z.number().int(),
  cache: CacheView,
  wsSessions: z.number().int().nullable(),
});
export const SourcesDetailed = z.object({ sources: z.array(ProviderDetail) });
export const RequestEvent = z.object({
  capability: CapabilityId,
  provider: z.string(),
  ok: z.boolean(),
  kind: z.enum(FAILURE_KINDS).optional(),
  latencyMs: z.number(),
  at: z.number(),
});
export const RecentRequests = z.object({ requests: z.array(RequestEvent), total: z.number().int() });
export const DiagnosticCheck = z.object({ name: z.string(), ok: z.boolean(), detail: z.string() });
export const Diagnostics = z.object({ ok: z.boolean(), ranAt: z.number(), durationMs: z.number(), checks: z.array(DiagnosticCheck) });
export const AppConfigBody = z.object({ mode: z.enum(['auto', 'direct', 'proxy']).optional(), proxyUrl: z.string().optional(), relayUrl: z.string().optional(), baseUrls: z.record(z.string(), z.string()).optional() });
export const Ready = z.object({ ready: z.boolean(), checks: z.record(z.string(), z.boolean()) });

export const LogRecord = z.object({
  id: z.number().int(),
  at: z.number(),
  level: LogLevel,
  kind: z.string(),
  provider: z.string().nullable(),
  message: z.string(),
  data: z.unknown(),
});
export const LogList = z.object({ logs: z.array(LogRecord), total: z.number().int() });
export const LogStatsBody = z.object({
  total: z.number().int(),
  byLevel: z.record(LogLevel, z.number().int()),
  byKind: z.record(z.string(), z.number().int()),
  oldest: z.number().nullable(),
  newest: z.number().nullable(),
  /** Events waiting for the next write (written at least once a second). */
  pending: z.number().int(),
});
export const LogsCleared = z.object({ deleted: z.number().int() });

export const UserProviderView = UserProviderFields.extend({
  /** True when the engine calls it (it has a template); false when it is stored only. */
  live: z.boolean(),
});
export const ResourceList = z.object({
  catalog: z.array(ProviderView),
  user: z.array(UserProviderView),
  total: z.number().int(),
});
export const ResourcesExport = z.object({
  format: z.string(),
  version: z.number().int(),
  exportedAt: z.string(),
  providers: z.array(z.unknown()),
  pools: z.array(z.unknown()),
});
export const ImportDone = z.object({
  ok: z.literal(true),
  mode: z.enum(IMPORT_MODES),
  providers: z.number().int(),
  pools: z.number().int(),
  /** Imported pools now live in the engine (those whose members are all catalog providers). */
  appliedPools: z.number().int(),
});
export const BackupInfo = z.object({ name: z.string(), bytes: z.number().int(), createdAt: z.number() });
export const BackupList = z.object({ backups: z.array(BackupInfo), total: z.number().int() });
export const Restored = z.object({ restored: z.string(), schemaVersion: z.number().int() });
export const SessionList = z.object({ sessions: z.array(SessionInfo), total: z.number().int() });
export const Broadcasted = z.object({ delivered: z.number().int() });

// ---- the operation table: every route, its inputs and outputs (validation and OpenAPI) ----

export interface Operation {
  readonly method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI style: `/api/providers/{id}`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly admin?: boolean;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** The success status and its body; text bodies (CSV, HTML, Prometheus) give a content type. */
  readonly ok: { status: number; body?: z.ZodType; contentType?: string };
  /** Error statuses this route answers with (each an ErrorBody). */
  readonly errors: readonly number[];
}

const op = (o: Operation): Operation => o;
const ADMIN = [401, 403, 429] as const;

export const OPERATIONS: readonly Operation[] = [
  op({ method: 'get', path: '/health', tag: 'meta', summary: 'Liveness', ok: { status: 200, body: z.object({ status: z.literal('ok'), uptimeSeconds: z.number(), version: z.string() }) }, errors: [] }),
  op({ method: 'get', path: '/ready', tag: 'meta', summary: 'Readiness: the engine is built and the store answers', ok: { status: 200, body: Ready }, errors: [503] }),
  op({ method: 'get', path: '/openapi.json', tag: 'meta', summary: 'This document', ok: { status: 200, contentType: 'application/json' }, errors: [] }),
  op({ method: 'get', path: '/docs', tag: 'meta', summary: 'Operations, as a page', ok: { status: 200, contentType: 'text/html' }, errors: [] }),
  op({ method: 'get', path: '/app-config.json', tag: 'meta', summary: "The app's deployment defaults (CM_APP_MODE, CM_APP_BASE_URLS)", ok: { status: 200, body: AppConfigBody }, errors: [] }),
  op({ method: 'get', path: '/metrics', tag: 'meta', summary: 'Prometheus metrics', ok: { status: 200, contentType: 'text/plain; version=0.0.4' }, errors: [] }),
  op({ method: 'get', path: '/api/status', tag: 'status', summary: 'Overall status', ok: { status: 200, body: Status }, errors: [429] }),
  op({ method: 'get', path: '/api/stats', tag: 'status', summary: 'Request statistics by capability and provider', ok: { status: 200, body: StatsBody }, errors: [429] }),
  op({ method: 'get', path: '/api/stats/export', tag: 'status', summary: 'Statistics per provider and capability, JSON or CSV', query: ExportQuery, ok: { status: 200, body: StatsExport }, errors: [400, 429] }),
  op({ method: 'get', path: '/status.html', tag: 'status', summary: 'The status index and last 30 days of incidents as a page without JavaScript', ok: { status: 200, contentType: 'text/html' }, errors: [] }),
  op({ method: 'get', path: '/api/status/index', tag: 'status', summary: 'Status history index: every provider and pool with its state and last 24 h', ok: { status: 200, body: StatusIndex }, errors: [429] }),
  op({ method: 'get', path: '/api/status/providers/{id}', tag: 'status', summary: "A provider's status history: uptime 24 h / 30 d / 1 y, hourly response time, incidents", params: ProviderParams, ok: { status: 200, body: ProviderStatusHistory }, errors: [400, 404, 429] }),
  op({ method: 'get', path: '/api/status/pools/{id}', tag: 'status', summary: "A pool's status history over its members, with 'no healthy member' periods", params: PoolParams, ok: { status: 200, body: PoolStatusHistory }, errors: [400, 404, 429] }),
  op({ method: 'get', path: '/api/data/{capability}', tag: 'data', summary: 'Any capability of the canonical model', params: CapabilityParams, query: DataQuery, ok: { status: 200, body: AnyAnswer }, errors: [400, 404, 429, 503] }),
  op({ method: 'get', path: '/api/providers', tag: 'providers', summary: 'Every provider with its state', query: ProvidersQuery, ok: { status: 200, body: ProviderList }, errors: [400, 429] }),
  op({ method: 'get', path: '/api/providers/category/{category}', tag: 'providers', summary: 'Providers of one category', params: CategoryParams, ok: { status: 200, body: ProviderList }, errors: [400, 429] }),
  op({ method: 'get', path: '/api/providers/{id}', tag: 'providers', summary: 'One provider: breakers, endpoints, quota', params: ProviderParams, ok: { status: 200, body: ProviderDetail }, errors: [400, 404, 429] }),
  op({ method: 'get', path: '/api/providers/{id}/health-check', tag: 'providers', summary: 'Probe the provider now (bypasses the cache)', params: ProviderParams, query: HealthCheckQuery, ok: { status: 200, body: HealthCheck }, errors: [400, 404, 409, 429] }),
  op({ method: 'post', path: '/api/providers/{id}/breaker/{action}', tag: 'providers', admin: true, summary: 'Reset, force open, disable or enable a breaker', params: BreakerParams, query: BreakerQuery, ok: { status: 200, body: BreakerChange }, errors: [400, 404, ...ADMIN] }),
  op({ method: 'delete', path: '/api/providers/{id}/breaker', tag: 'providers', admin: true, summary: 'Reset a breaker', params: ProviderParams, query: BreakerQuery, ok: { status: 200, body: BreakerChange }, errors: [400, 404, ...ADMIN] }),
  op({ method: 'get', path: '/api/pools', tag: 'pools', summary: 'Every pool', ok: { status: 200, body: PoolList }, errors: [429] }),
  op({ method: 'get', path: '/api/pools/history', tag: 'pools', summary: 'Rotation history', ok: { status: 200, body: RotationHistory }, errors: [429] }),
  op({ method: 'get', path: '/api/pools/{id}', tag: 'pools', summary: 'One pool', params: PoolParams, ok: { status: 200, body: PoolView }, errors: [400, 404, 429] }),
  op({ method: 'post', path: '/api/pools', tag: 'pools', admin: true, summary: 'Create a pool', body: NewPool, ok: { status: 201, body: PoolView }, errors: [400, 409, 413, 415, ...ADMIN] }),
  op({ method: 'put', path: '/api/pools/{id}', tag: 'pools', admin: true, summary: 'Create or replace a pool (strategy, members, weights, priorities)', params: PoolParams, body: NewPool, ok: { status: 200, body: PoolView }, errors: [400, 413, 415, ...ADMIN] }),
  op({ method: 'delete', path: '/api/pools/{id}', tag: 'pools', admin: true, summary: 'Delete a pool', params: PoolParams, ok: { status: 200, body: Deleted }, errors: [400, 404, 409, ...ADMIN] }),
  op({ method: 'post', path: '/api/pools/{id}/members', tag: 'pools', admin: true, summary: 'Add a member', params: PoolParams, body: NewMember, ok: { status: 201, body: PoolView }, errors: [400, 404, 409, 413, 415, ...ADMIN] }),
  op({ method: 'delete', path: '/api/pools/{id}/members/{providerId}', tag: 'pools', admin: true, summary: 'Remove a member', params: PoolMemberParams, ok: { status: 200, body: PoolView }, errors: [400, 404, 409, ...ADMIN] }),
  op({ method: 'post', path: '/api/pools/{id}/rotate', tag: 'pools', admin: true, summary: 'Rotate the current source away', params: PoolParams, body: RotateBody, ok: { status: 200, body: Rotation }, errors: [400, 404, 409, 413, 415, ...ADMIN] }),
  op({ method: 'get', path: '/api/resources/market/price/{symbol}', tag: 'resources', summary: 'Price of one symbol', params: SymbolParams, query: PriceQuery, ok: { status: 200, body: answerOf(CAPABILITIES.price.result.element) }, errors: [400, 404, 429, 503] }),
  op({ method: 'get', path: '/api/resources/market/prices', tag: 'resources', summary: 'Prices of several symbols', query: PricesQuery, ok: { status: 200, body: answerOf(CAPABILITIES.price.result) }, errors: [400, 404, 429, 503] }),
  op({ method: 'get', path: '/api/resources/news/latest', tag: 'resources', summary: 'Latest news', query: NewsQuery, ok: { status: 200, body: answerOf(CAPABILITIES.news.result) }, errors: [400, 404, 429, 503] }),
  op({ method: 'get', path: '/api/resources/news/symbol/{symbol}', tag: 'resources', summary: 'News about one symbol', params: SymbolParams, query: NewsQuery, ok: { status: 200, body: answerOf(CAPABILITIES.news.result) }, errors: [400, 404, 429, 503] }),
  op({ method: 'get', path: '/api/resources/sentiment/fear-greed', tag: 'resources', summary: 'Fear & greed index', query: FearGreedQuery, ok: { status: 200, body: answerOf(CAPABILITIES['fear-greed'].result) }, errors: [400, 404, 429, 503] }),
  op({ method: 'get', path: '/api/resources/onchain/balance', tag: 'resources', summary: 'Balance of an address', query: AddressQuery, ok: { status: 200, body: answerOf(CAPABILITIES.balance.result) }, errors: [400, 404, 429, 503] }),
  op({ method: 'get', path: '/api/resources/onchain/gas', tag: 'resources', summary: 'Gas prices of a chain', query: ChainQuery, ok: { status: 200, body: answerOf(CAPABILITIES.gas.result) }, errors: [400, 404, 429, 503] }),
  op({ method: 'get', path: '/api/resources/onchain/transactions', tag: 'resources', summary: 'Transactions of an address', query: TransactionsQuery, ok: { status: 200, body: answerOf(CAPABILITIES.transactions.result) }, errors: [400, 404, 429, 503] }),
  op({ method: 'get', path: '/api/hierarchy/overview', tag: 'hierarchy', summary: 'Providers by tier and category', ok: { status: 200, body: HierarchyOverview }, errors: [429] }),
  op({ method: 'get', path: '/api/hierarchy/usage-stats', tag: 'hierarchy', summary: 'Use and quota per provider', ok: { status: 200, body: UsageStats }, errors: [429] }),
  op({ method: 'get', path: '/api/hierarchy/health', tag: 'hierarchy', summary: 'Health per provider', ok: { status: 200, body: HierarchyHealth }, errors: [429] }),
  op({ method: 'get', path: '/api/hierarchy/circuit-breakers', tag: 'hierarchy', summary: 'Breaker states', ok: { status: 200, body: BreakerList }, errors: [429] }),
  op({ method: 'get', path: '/api/monitoring/status', tag: 'monitoring', summary: 'Monitoring summary', ok: { status: 200, body: MonitoringStatus }, errors: [429] }),
  op({ method: 'get', path: '/api/monitoring/sources/detailed', tag: 'monitoring', summary: 'Every provider in detail', ok: { status: 200, body: SourcesDetailed }, errors: [429] }),
  op({ method: 'get', path: '/api/monitoring/requests/recent', tag: 'monitoring', summary: 'Recent upstream requests, newest first', query: RecentQuery, ok: { status: 200, body: RecentRequests }, errors: [400, 429] }),
  op({ method: 'post', path: '/api/diagnostics/run', tag: 'diagnostics', admin: true, summary: 'Run the diagnostics', ok: { status: 200, body: Diagnostics }, errors: [...ADMIN] }),
  op({ method: 'get', path: '/api/diagnostics/last', tag: 'diagnostics', summary: 'The last diagnostics run (null before the first)', ok: { status: 200, body: Diagnostics.nullable() }, errors: [429] }),
  op({ method: 'get', path: '/api/logs', tag: 'logs', summary: 'Engine events (failures, breakers, rotations, rate limits, errors), newest first', query: LogsQuery, ok: { status: 200, body: LogList }, errors: [400, 429, 503] }),
  op({ method: 'get', path: '/api/logs/recent', tag: 'logs', summary: 'The latest log entries', query: RecentLogsQuery, ok: { status: 200, body: LogList }, errors: [400, 429, 503] }),
  op({ method: 'get', path: '/api/logs/errors', tag: 'logs', summary: 'Error entries only', query: ErrorLogsQuery, ok: { status: 200, body: LogList }, errors: [400, 429, 503] }),
  op({ method: 'get', path: '/api/logs/stats', tag: 'logs', summary: 'Counts by level and kind, oldest and newest', ok: { status: 200, body: LogStatsBody }, errors: [429, 503] }),
  op({ method: 'get', path: '/api/logs/export/json', tag: 'logs', summary: 'Logs as a JSON file', query: LogsExportQuery, ok: { status: 200, body: z.array(LogRecord) }, errors: [400, 429, 503] }),
  op({ method: 'get', path: '/api/logs/export/csv', tag: 'logs', summary: 'Logs as a CSV file', query: LogsExportQuery, ok: { status: 200, contentType: 'text/csv' }, errors: [400, 429, 503] }),
  op({ method: 'delete', path: '/api/logs', tag: 'logs', admin: true, summary: 'Delete every log entry', ok: { status: 200, body: LogsCleared }, errors: [...ADMIN, 503] }),
  op({ method: 'get', path: '/api/resources', tag: 'resources', summary: 'Catalog providers and user providers', ok: { status: 200, body: ResourceList }, errors: [429] }),
  op({ method: 'get', path: '/api/resources/category/{category}', tag: 'resources', summary: 'Catalog and user providers of one category', params: CategoryParams, ok: { status: 200, body: ResourceList }, errors: [400, 429] }),
  op({ method: 'get', path: '/api/resources/export/json', tag: 'resources', summary: 'User providers and pools as a JSON file (no keys: they live in the environment only)', ok: { status: 200, body: ResourcesExport }, errors: [429, 503] }),
  op({ method: 'get', path: '/api/resources/export/csv', tag: 'resources', summary: 'User providers and pools as a CSV file (kind,id,json)', ok: { status: 200, contentType: 'text/csv' }, errors: [429, 503] }),
  op({ method: 'post', path: '/api/resources/import/json', tag: 'resources', admin: true, summary: 'Import user providers and pools, merge or replace, all-or-nothing', body: ImportBody, ok: { status: 200, body: ImportDone }, errors: [400, 413, 415, ...ADMIN, 503] }),
  op({ method: 'post', path: '/api/resources/backup', tag: 'resources', admin: true, summary: 'Back up the database to a timestamped file', ok: { status: 201, body: BackupInfo }, errors: [...ADMIN, 503] }),
  op({ method: 'get', path: '/api/resources/backups', tag: 'resources', summary: 'Backups, newest first', ok: { status: 200, body: BackupList }, errors: [429, 503] }),
  op({ method: 'post', path: '/api/resources/backups/{name}/restore', tag: 'resources', admin: true, summary: 'Replace the database with a backup: user providers and pools apply at once; quotas, breaker state and stats in memory are kept until restart', params: BackupParams, ok: { status: 200, body: Restored }, errors: [400, 404, 409, ...ADMIN, 503] }),
  op({ method: 'post', path: '/api/resources/provider', tag: 'resources', admin: true, summary: 'Add a user provider: live in the engine when it has a template (a JSON-RPC node or an RSS feed), else stored only', body: NewUserProvider, ok: { status: 201, body: UserProviderView }, errors: [400, 409, 413, 415, ...ADMIN, 503] }),
  op({ method: 'delete', path: '/api/resources/provider/{id}', tag: 'resources', admin: true, summary: 'Delete a user provider', params: ProviderParams, ok: { status: 200, body: Deleted }, errors: [400, 404, ...ADMIN, 503] }),
  op({ method: 'get', path: '/api/sessions', tag: 'sessions', summary: 'Open WebSocket sessions', ok: { status: 200, body: SessionList }, errors: [429, 503] }),
  op({ method: 'get', path: '/api/sessions/stats', tag: 'sessions', summary: 'WebSocket hub statistics', ok: { status: 200, body: HubStats }, errors: [429, 503] }),
  op({ method: 'post', path: '/api/broadcast', tag: 'sessions', admin: true, summary: 'Send data to every session of a group', body: BroadcastBody, ok: { status: 200, body: Broadcasted }, errors: [400, 413, 415, ...ADMIN, 503] }),
  ...ALERT_OPERATIONS,
  ...SENTIMENT_OPERATIONS,
  ...MARKET_OPERATIONS,
  ...DISCOVERY_OPERATIONS,
];
