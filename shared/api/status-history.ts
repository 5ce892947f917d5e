import { z } from 'zod';

/**
 * The status-history contract, shared by the proxy (`/api/status/...`) and the worker (direct
 * mode): the same shapes whichever home builds them (shared/api/status-view.ts does, for both).
 */

const BreakerState = z.enum(['closed', 'open', 'half_open', 'forced_open', 'disabled']);

/**
 * One incident: a breaker that left `closed` for `open` (failures) or `forced_open` (an operator)
 * and came back to `closed` (or was disabled). Re-trips while half-open stay in the same incident.
 */
export const Incident = z.object({
  /** `<provider>|<capability or *>|<startedAt>`: stable, so an incident is updated in place. */
  id: z.string(),
  provider: z.string(),
  /** null: the provider-wide breaker; else the one endpoint's. */
  capability: z.string().nullable(),
  startedAt: z.number(),
  /** null while ongoing. */
  endedAt: z.number().nullable(),
  /** endedAt (or now, when ongoing) minus startedAt, ms. */
  durationMs: z.number(),
  ongoing: z.boolean(),
  /** The failure kind that opened it ('slow call', 'manual' for a forced open), null when unknown. */
  cause: z.string().nullable(),
  /** The breaker's reason for opening, e.g. '5 consecutive failures'. */
  reason: z.string(),
  /** Times the breaker opened again during the incident (failed probes). */
  reopened: z.number().int(),
});
export type Incident = z.infer<typeof Incident>;

export const UptimeBar = z.object({ t: z.number(), ok: z.number(), total: z.number() });

export const UptimeWindow = z.object({
  window: z.enum(['24h', '30d', '1y']),
  /** The size of one bar, ms (15 minutes, one day, one day). */
  barMs: z.number(),
  /** ok / total over the window, null when nothing was called in it. */
  uptime: z.number().nullable(),
  ok: z.number(),
  total: z.number(),
  /** Oldest first; a bar with total 0 had no calls. */
  bars: z.array(UptimeBar),
});
export type UptimeWindow = z.infer<typeof UptimeWindow>;

/** Response time of successful calls per hour, from a per-hour latency histogram (p50/p95 within ~12%). */
export const LatencyPoint = z.object({ t: z.number(), p50: z.number(), p95: z.number(), count: z.number() });
export const LatencySeries = z.object({
  bucketMs: z.number(),
  /** What the points are, for the screen to say. */
  measure: z.literal('p50 and p95 of successful calls per hour'),
  points: z.array(LatencyPoint),
});
export type LatencySeries = z.infer<typeof LatencySeries>;

const History = {
  generatedAt: z.number(),
  uptime: z.array(UptimeWindow),
  latency: LatencySeries,
  incidents: z.array(Incident),
};

export const EndpointState = z.object({ capability: z.string(), state: BreakerState });

export const ProviderStatusHistory = z.object({
  kind: z.literal('provider'),
  id: z.string(),
  name: z.string(),
  state: BreakerState,
  /** Would be tried now. */
  available: z.boolean(),
  endpoints: z.array(EndpointState),
  ...History,
});
export type ProviderStatusHistory = z.infer<typeof ProviderStatusHistory>;

export const PoolMemberState = z.object({ provider: z.string(), name: z.string(), state: BreakerState, available: z.boolean(), uptime24h: z.number().nullable() });

export const PoolStatusHistory = z.object({
  kind: z.literal('pool'),
  id: z.string(),
  name: z.string(),
  /** 'operational' when a member would be tried now, 'down' when none would. */
  state: z.enum(['operational', 'down']),
  members: z.array(PoolMemberState),
  /**
   * How the pool's figures are made: uptime is every member call summed (a member called more
   * weighs more, as it served more), latency merges the members' histograms; incidents are the
   * members' plus the periods when every member was in an incident at once ('no healthy member').
   */
  method: z.string(),
  ...History,
});
export type PoolStatusHistory = z.infer<typeof PoolStatusHistory>;

export const StatusIndexEntry = z.object({
  kind: z.enum(['provider', 'pool']),
  id: z.string(),
  name: z.string(),
  state: z.string(),
  available: z.boolean(),
  uptime24h: z.number().nullable(),
  requests24h: z.number(),
  ongoingIncidents: z.number().int(),
});
export const StatusIndex = z.object({ generatedAt: z.number(), providers: z.array(StatusIndexEntry), pools: z.array(StatusIndexEntry) });
export type StatusIndex = z.infer<typeof StatusIndex>;
export type StatusIndexEntry = z.infer<typeof StatusIndexEntry>;

/** Incidents kept: a year, and at most this many rows. */
export const INCIDENT_RETENTION_MS = 366 * 86_400_000;
export const INCIDENT_MAX_ROWS = 50_000;
