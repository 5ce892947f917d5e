import type { z } from 'zod';
import type { MarketSentiment as MarketSentimentT, PriceConsensus as PriceConsensusT } from './market';
import type { Alert, NewRuleInput, Rule } from '../alerts/rules';
import type { PushSubscriptionInput } from '../alerts/api';
import type { PoolStatusHistory, ProviderStatusHistory, StatusIndex } from './status-history';
import type { BrowserModelStateT, ModelsReportT, SentimentEnsembleT } from '../sentiment/schema';
import type { PoolConfigInput, PoolMemberConfig } from '../engine/pool';
import type { Strategy } from '../engine/strategies';
import type { Capability, ParamsInput, ResultOf } from '../model';
import type {
  BackupInfo,
  BreakerChange,
  Diagnostics,
  HealthCheck,
  ImportDone,
  LogRecord,
  LogStatsBody,
  NewUserProvider,
  PoolView,
  ProviderDetail,
  ProviderView,
  RequestEvent,
  ResourceList,
  ResourcesExport,
  Rotation,
  Status,
} from './rest';
import type { DiscoveryAction, DiscoveryStatus } from './discovery';

/**
 * What the app asks of "the monitor", whichever home answers: the worker's own engine (direct
 * mode) or the proxy over REST (proxy mode). Both implement this interface and return the same
 * shapes (those of ./rest.ts), so the screens never know which mode they run in.
 *
 * Only plain, structured-clone-safe data crosses it, and every call resolves (never rejects) to a
 * `Result`: `{ ok: false, code, message }` carries a message fit to show a person.
 */

export type Result<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: string, message: string): { ok: false; code: string; message: string } => ({ ok: false, code, message });

/** Upstream data with where it came from and when. */
export interface DataAnswer<T> {
  data: T;
  /** Provider id that answered. */
  source: string;
  /** When the source answered, epoch ms. */
  ts: number;
  /** Served from a cache (the engine's, or the last known answer kept in IndexedDB). */
  cached: boolean;
  /** Not fresh: every provider failed (or the app is offline) and this is the last good answer. */
  stale: boolean;
  latencyMs: number;
}

export interface DataOptions {
  /** Skip cached answers. */
  fresh?: boolean;
  /** A pool id; default: the capability's default pool. */
  pool?: string;
  strategy?: Strategy;
}

export type StatusView = z.infer<typeof Status>;
export type ProviderViewT = z.infer<typeof ProviderView>;
export type ProviderDetailT = z.infer<typeof ProviderDetail>;
export type HealthCheckT = z.infer<typeof HealthCheck>;
export type BreakerChangeT = z.infer<typeof BreakerChange>;
export type PoolViewT = z.infer<typeof PoolView>;
export type RotationT = z.infer<typeof Rotation>;
export type LogRecordT = z.infer<typeof LogRecord>;
export type LogStatsT = z.infer<typeof LogStatsBody>;
export type RequestEventT = z.infer<typeof RequestEvent>;
export type ResourceListT = z.infer<typeof ResourceList>;
export type ResourcesExportT = z.infer<typeof ResourcesExport>;
export type ImportDoneT = z.infer<typeof ImportDone>;
export type NewUserProviderT = z.infer<typeof NewUserProvider>;
export type BackupInfoT = z.infer<typeof BackupInfo>;
export type DiagnosticsT = z.infer<typeof Diagnostics>;
export type PoolMemberInput = z.input<typeof PoolMemberConfig>;

export type BreakerAction = 'reset' | 'open' | 'disable' | 'enable';

export interface LogQuery {
  level?: 'debug' | 'info' | 'warn' | 'error';
  kind?: string;
  provider?: string;
  since?: number;
  limit?: number;
}

export interface MonitorApi {
  // data
  data<C extends Capability>(capability: C, params: ParamsInput<C>, options?: DataOptions): Promise<Result<DataAnswer<ResultOf<C>>>>;

  // status and providers
  status(): Promise<Result<StatusView>>;
  providers(): Promise<Result<ProviderViewT[]>>;
  provider(id: string): Promise<Result<ProviderDetailT>>;
  healthCheck(id: string, capability?: Capability): Promise<Result<HealthCheckT>>;
  breaker(id: string, action: BreakerAction, capability?: Capability): Promise<Result<BreakerChangeT>>;
  recentRequests(limit?: number): Promise<Result<RequestEventT[]>>;

  // pools
  pools(): Promise<Result<PoolViewT[]>>;
  /** Create a pool, or replace an existing non-default pool with the same id. */
  savePool(pool: PoolConfigInput): Promise<Result<PoolViewT>>;
  deletePool(id: string): Promise<Result<{ deleted: string }>>;
  addMember(poolId: string, member: PoolMemberInput): Promise<Result<PoolViewT>>;
  removeMember(poolId: string, providerId: string): Promise<Result<PoolViewT>>;
  rotate(poolId: string, capability?: Capability): Promise<Result<RotationT>>;
  rotations(): Promise<Result<RotationT[]>>;

  // logs
  logs(query?: LogQuery): Promise<Result<LogRecordT[]>>;
  logStats(): Promise<Result<LogStatsT>>;
  clearLogs(): Promise<Result<{ deleted: number }>>;

  // catalog and resources
  resources(): Promise<Result<ResourceListT>>;
  addProvider(provider: NewUserProviderT): Promise<Result<NewUserProviderT & { live: boolean }>>;
  deleteProvider(id: string): Promise<Result<{ deleted: string }>>;
  exportResources(): Promise<Result<ResourcesExportT>>;
  /** `body` is what the user chose to import (already JSON-parsed); validated, all-or-nothing. */
  importResources(body: unknown, mode: 'merge' | 'replace'): Promise<Result<ImportDoneT>>;
  backup(): Promise<Result<BackupInfoT>>;
  backups(): Promise<Result<BackupInfoT[]>>;

  // reports
  runDiagnostics(): Promise<Result<DiagnosticsT>>;
  lastDiagnostics(): Promise<Result<DiagnosticsT | null>>;
  /** Provider discovery (proxy only: direct mode answers `no_proxy`). */
  discovery(): Promise<Result<DiscoveryStatus>>;
  /** Start a run, accept or dismiss a candidate (admin); answers the status after it. */
  discoveryAction(action: DiscoveryAction): Promise<Result<DiscoveryStatus>>;

  // market insight (shared/sentiment/gather.ts, shared/api/consensus-view.ts)
  /** The market's sentiment, or one coin's: fear & greed, headlines and posts, each part with its source or why it failed. */
  marketSentiment(symbol?: string): Promise<Result<DataAnswer<MarketSentimentT>>>;
  /** One coin's price across several providers: median, spread, each quote; outliers are demoted and logged. */
  priceConsensus(symbol: string, vs?: string): Promise<Result<DataAnswer<PriceConsensusT>>>;

  // text sentiment (shared/sentiment)
  /** Every available model's answer per text, combined into an ensemble label with agreement. */
  sentimentEnsemble(texts: string[]): Promise<Result<SentimentEnsembleT>>;
  /** Sentiment models with breaker, latency, success rate and whether a key is present. */
  modelsReport(): Promise<Result<ModelsReportT>>;
  /** The in-browser model: read its state, or turn it on/off (direct mode; proxy mode says it cannot). */
  browserModel(enable?: boolean): Promise<Result<BrowserModelStateT>>;

  // status history (shared/api/status-history.ts)
  statusIndex(): Promise<Result<StatusIndex>>;
  providerStatus(id: string): Promise<Result<ProviderStatusHistory>>;
  poolStatus(id: string): Promise<Result<PoolStatusHistory>>;

  // alerts (shared/alerts)
  alertRules(): Promise<Result<Rule[]>>;
  /** `rule` is validated against NewRule; the failure message names the field. */
  addAlertRule(rule: NewRuleInput): Promise<Result<Rule>>;
  deleteAlertRule(id: string): Promise<Result<{ deleted: string }>>;
  /** Recent alerts, newest first. */
  recentAlerts(limit?: number): Promise<Result<Alert[]>>;
  /** The proxy's VAPID public key for Web Push (direct mode: fails with code `no_proxy`, nothing pushes). */
  alertPushKey(): Promise<Result<{ publicKey: string }>>;
  /** Registers this browser's push subscription with the proxy (direct mode: `no_proxy`). */
  subscribeAlertPush(subscription: PushSubscriptionInput): Promise<Result<{ subscribed: true }>>;
}

export type Mode = 'direct' | 'proxy';
export type Locale = 'en' | 'fa';
export type Theme = 'system' | 'dark' | 'light';

/** What the user sets on the Settings screen; kept in IndexedDB. Keys are kept apart (`keys` store). */
export interface Settings {
  /** `auto`: proxy mode when the page's origin answers /health as the proxy, direct otherwise. */
  mode: 'auto' | Mode;
  /** Proxy origin for proxy mode; '' = the page's own origin. */
  proxyUrl: string;
  /** CORS relay for direct mode (`<relay>/relay/<providerId>/<path>`); '' = the proxy's relay at `proxyUrl`. */
  relayUrl: string;
  locale: Locale;
  theme: Theme;
  /** Admin token for the proxy's mutating endpoints (proxy mode). */
  adminToken: string;
  /** Coins the Market screen follows. */
  watchlist: string[];
  /** Fiat/quote currency. */
  vs: string;
}

export const DEFAULT_SETTINGS: Settings = {
  mode: 'auto',
  proxyUrl: '',
  relayUrl: '',
  locale: 'en',
  theme: 'system',
  adminToken: '',
  watchlist: ['BTC', 'ETH', 'SOL', 'BNB', 'XRP'],
  vs: 'USD',
};

/**
 * `app-config.json` beside index.html (served by the proxy, or a file on a static host): defaults
 * for a deployment. `baseUrls` re-points providers (as CM_BASE_URLS does on the proxy), which is how
 * the demo and the tests aim direct mode at the loopback simulator.
 */
export interface AppConfig {
  mode?: 'auto' | Mode;
  proxyUrl?: string;
  relayUrl?: string;
  baseUrls?: Record<string, string>;
}
