import type { Engine, PoolConfig, ProviderRuntime, Stats } from '../engine';
import type { UptimeResolution } from '../engine/stats';
import type { Capability } from '../model';
import { allDownPeriods, incidentView, type IncidentRecord } from './incidents';
import type { LatencyRollup } from './latency-rollup';
import { HOUR_MS } from './latency-rollup';
import { PROBE_POOL_PREFIX } from './rest';
import { INCIDENT_RETENTION_MS, type Incident, type PoolStatusHistory, type ProviderStatusHistory, type StatusIndex, type StatusIndexEntry, type UptimeWindow } from './status-history';
import { isAvailable } from './views';

/** Engine stats + recorded incidents and latency -> the status-history shapes (both homes). */

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Each window: the ring it is read from and the size of a bar. */
const WINDOWS = [
  { window: '24h', resolution: 'minute', barMs: 15 * MINUTE },
  { window: '30d', resolution: 'hour', barMs: DAY },
  { window: '1y', resolution: 'day', barMs: DAY },
] as const satisfies ReadonlyArray<{ window: UptimeWindow['window']; resolution: UptimeResolution; barMs: number }>;

const WINDOW_MS: Record<UptimeWindow['window'], number> = { '24h': DAY, '30d': 30 * DAY, '1y': 365 * DAY };

/** What a home gives the builders: the recorder's latency and the incidents it read. */
export interface HistorySource {
  latency: LatencyRollup;
  /** Incidents of these providers over the last year, any order. */
  incidents(providers: readonly string[], since: number): Promise<IncidentRecord[]>;
}

/** Sums several endpoints' uptime rings over one window, bars of `barMs` (calls summed: a busier endpoint weighs more). */
export function uptimeWindow(stats: readonly Stats[], w: (typeof WINDOWS)[number], now: number): UptimeWindow {
  const from = now - WINDOW_MS[w.window];
  const bars = new Map<number, { ok: number; total: number }>();
  // Empty bars too, so the screen draws the whole window.
  for (let t = Math.floor((from + 1) / w.barMs) * w.barMs; t <= now; t += w.barMs) bars.set(t, { ok: 0, total: 0 });
  let ok = 0;
  let total = 0;
  for (const s of stats) {
    for (const p of s.uptime.series(w.resolution, now)) {
      if (p.total === 0 || p.t + bucketMs(w.resolution) <= from) continue;
      const t = Math.floor(p.t / w.barMs) * w.barMs;
      const bar = bars.get(t);
      if (!bar) continue;
      bar.ok += p.ok;
      bar.total += p.total;
      ok += p.ok;
      total += p.total;
    }
  }
  return { window: w.window, barMs: w.barMs, uptime: total === 0 ? null : ok / total, ok, total, bars: [...bars].map(([t, b]) => ({ t, ...b })) };
}

const bucketMs = (r: UptimeResolution): number => (r === 'minute' ? MINUTE : r === 'hour' ? HOUR_MS : DAY);

const uptimes = (stats: readonly Stats[], now: number): UptimeWindow[] => WINDOWS.map((w) => uptimeWindow(stats, w, now));

const latencySeries = (latency: LatencyRollup, providers: readonly string[], now: number) => ({
  bucketMs: HOUR_MS,
  measure: 'p50 and p95 of successful calls per hour' as const,
  points: latency.series(providers, now),
});

const byNewest = (a: Incident, b: Incident): number => b.startedAt - a.startedAt;

/** Calls in the last 24 h of these endpoints: [ok, total]. */
function last24h(stats: readonly Stats[], now: number): [number, number] {
  let ok = 0;
  let total = 0;
  for (const s of stats) {
    for (const p of s.uptime.series('minute', now)) {
      ok += p.ok;
      total += p.total;
    }
  }
  return [ok, total];
}

export async function providerStatusHistory(rt: ProviderRuntime, source: HistorySource, now: number): Promise<ProviderStatusHistory> {
  const stats = [...rt.stats.values()];
  const incidents = (await source.incidents([rt.spec.id], now - INCIDENT_RETENTION_MS)).filter((r) => r.provider === rt.spec.id);
  return {
    kind: 'provider',
    id: rt.spec.id,
    name: rt.spec.name,
    state: rt.breaker.state,
    available: isAvailable(rt, now),
    endpoints: [...rt.endpoints].map(([capability, b]) => ({ capability, state: b.state })),
    generatedAt: now,
    uptime: uptimes(stats, now),
    latency: latencySeries(source.latency, [rt.spec.id], now),
    incidents: incidents.map((r) => incidentView(r, now)).sort(byNewest),
  };
}

export const POOL_METHOD =
  "Uptime sums every member's calls for the pool's capabilities (a member called more weighs more, as it served more); response time merges the members' hourly histograms; incidents are the members' plus 'no healthy member' periods, when every member offering a capability was in an incident at once.";

/** The capabilities a pool serves: its own list, or every capability its members offer. */
function poolCapabilities(pool: PoolConfig, members: readonly ProviderRuntime[]): Capability[] {
  if (pool.capabilities.length > 0) return [...pool.capabilities];
  return [...new Set(members.flatMap((rt) => [...rt.endpoints.keys()]))];
}

export async function poolStatusHistory(engine: Engine, pool: PoolConfig, source: HistorySource, now: number): Promise<PoolStatusHistory> {
  const members = pool.members.flatMap((m) => {
    const rt = engine.runtime(m.provider);
    return rt ? [rt] : [];
  });
  const caps = poolCapabilities(pool, members);
  const capSet = new Set<string>(caps);
  const statsOf = (rt: ProviderRuntime): Stats[] => caps.flatMap((c) => rt.stats.get(c) ?? []);
  const ids = members.map((rt) => rt.spec.id);
  const relevant = (await source.incidents(ids, now - INCIDENT_RETENTION_MS)).filter((r) => ids.includes(r.provider) && (r.capability === null || capSet.has(r.capability)));
  const down: IncidentRecord[] = [];
  for (const cap of caps) {
    const offering = members.filter((rt) => rt.endpoints.has(cap));
    const lists = offering.map((rt) => relevant.filter((r) => r.provider === rt.spec.id && (r.capability === null || r.capability === cap)));
    for (const p of allDownPeriods(lists, now)) {
      down.push({ id: `pool|${pool.id}|${cap}|${p.start}`, provider: pool.id, capability: cap, startedAt: p.start, endedAt: p.ongoing ? null : p.end, cause: 'no healthy member', reason: `every member offering ${cap} was in an incident`, reopened: 0 });
    }
  }
  const anyAvailable = members.some((rt) => isAvailable(rt, now));
  return {
    kind: 'pool',
    id: pool.id,
    name: pool.name,
    state: anyAvailable ? 'operational' : 'down',
    members: members.map((rt) => {
      const [ok, total] = last24h(statsOf(rt), now);
      return { provider: rt.spec.id, name: rt.spec.name, state: rt.breaker.state, available: isAvailable(rt, now), uptime24h: total === 0 ? null : ok / total };
    }),
    method: POOL_METHOD,
    generatedAt: now,
    uptime: uptimes(members.flatMap(statsOf), now),
    latency: latencySeries(source.latency, ids, now),
    incidents: [...down, ...relevant].map((r) => incidentView(r, now)).sort(byNewest),
  };
}

/** Every provider and listed pool with its state now and its last 24 h. */
export function statusIndex(engine: Engine, ongoing: readonly IncidentRecord[], now: number): StatusIndex {
  const open = new Map<string, number>();
  for (const r of ongoing) open.set(r.provider, (open.get(r.provider) ?? 0) + 1);
  const providers: StatusIndexEntry[] = engine.runtimes().map((rt) => {
    const [ok, total] = last24h([...rt.stats.values()], now);
    return { kind: 'provider', id: rt.spec.id, name: rt.spec.name, state: rt.breaker.state, available: isAvailable(rt, now), uptime24h: total === 0 ? null : ok / total, requests24h: total, ongoingIncidents: open.get(rt.spec.id) ?? 0 };
  });
  const pools: StatusIndexEntry[] = engine
    .pools()
    .filter((p) => !p.id.startsWith(PROBE_POOL_PREFIX))
    .map((pool) => {
      const members = pool.members.flatMap((m) => engine.runtime(m.provider) ?? []);
      const caps = poolCapabilities(pool, members);
      const [ok, total] = last24h(members.flatMap((rt) => caps.flatMap((c) => rt.stats.get(c) ?? [])), now);
      const available = members.some((rt) => isAvailable(rt, now));
      return {
        kind: 'pool',
        id: pool.id,
        name: pool.name,
        state: available ? 'operational' : 'down',
        available,
        uptime24h: total === 0 ? null : ok / total,
        requests24h: total,
        ongoingIncidents: members.reduce((n, rt) => n + (open.get(rt.spec.id) ?? 0), 0),
      };
    });
  return { generatedAt: now, providers, pools };
}
