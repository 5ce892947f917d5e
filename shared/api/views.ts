import { z } from 'zod';
import type { AnyAnswer, EndpointView, PoolView, ProviderDetail, ProviderView } from './rest';
import { catalogRow } from '../catalog/row';
import type { Answer, Engine, PoolConfig, ProviderRuntime, Stats } from '../engine';
import type { Capability } from '../model';

/**
 * Engine state -> the REST shapes of shared/api/rest.ts. Keys are never read here except to
 * count them and to name their labels (`key1`, `anonymous`), which is all the limiter knows.
 */

const DAY_MS = 86_400_000;

export const keyLabels = (rt: ProviderRuntime): string[] => rt.keys.map((k, i) => (k ? `key${i + 1}` : 'anonymous'));
/** Infinity (nothing declared) becomes null in JSON. */
const finite = (n: number): number | null => (Number.isFinite(n) ? n : null);

/** All capabilities of a provider folded into one: totals and a merged latency picture. */
export function totals(rt: ProviderRuntime): { requests: number; successes: number; p50: number; p95: number; p99: number; ewma: number } {
  let requests = 0;
  let successes = 0;
  let worst: Stats | undefined;
  for (const s of rt.stats.values()) {
    requests += s.requests;
    successes += s.successes;
    if (s.successes > 0 && (!worst || s.successes > worst.successes)) worst = s;
  }
  // The busiest endpoint's percentiles stand for the provider (histograms are per endpoint).
  return { requests, successes, p50: worst?.p50() ?? 0, p95: worst?.p95() ?? 0, p99: worst?.p99() ?? 0, ewma: worst?.ewmaLatencyMs() ?? 0 };
}

export const isAvailable = (rt: ProviderRuntime, now: number): boolean => !rt.missingKey && rt.breaker.blockedUntil <= now && rt.live.coolUntil <= now;

export function providerView(rt: ProviderRuntime, now: number): ProviderView {
  const row = catalogRow(rt.spec);
  const t = totals(rt);
  return {
    ...row,
    // The row's fields widened to string; the spec holds the precise ones.
    category: rt.spec.category,
    tier: rt.spec.tier,
    capabilities: [...rt.endpoints.keys()],
    auth: row.auth,
    retired: rt.spec.retired ?? null,
    state: rt.breaker.state,
    keysConfigured: rt.keys.filter((k) => k !== '').length,
    missingKey: rt.missingKey,
    available: isAvailable(rt, now),
    requests: t.requests,
    successes: t.successes,
    successRate: t.requests === 0 ? 1 : t.successes / t.requests,
    latencyMs: { p50: t.p50, p95: t.p95, p99: t.p99, ewma: t.ewma }
  };
}

export function endpointView(rt: ProviderRuntime, capability: Capability, now: number): z.infer<typeof EndpointView> {
  const s = rt.stats.get(capability);
  const breaker = rt.endpoints.get(capability);
  return {
    capability,
    state: breaker?.state ?? 'closed',
    requests: s?.requests ?? 0,
    successes: s?.successes ?? 0,
    successRate: s?.successRate() ?? 1,
    latencyMs: { p50: s?.p50() ?? 0, p95: s?.p95() ?? 0, p99: s?.p99() ?? 0, ewma: s?.ewmaLatencyMs() ?? 0 },
    failuresByKind: { ...(s?.failuresByKind ?? {}) },
    lastError: s?.lastError ? { ...s.lastError } : null,
    lastSuccessAt: s?.lastSuccessAt ?? null,
    uptime24h: s?.uptime.uptime(DAY_MS, now) ?? null
  };
}

export function providerDetail(rt: ProviderRuntime, now: number): ProviderDetail {
  const b = rt.breaker.toJSON();
  return {
    ...providerView(rt, now),
    breaker: { state: b.state, trips: b.trips, openUntil: b.openUntil, consecutive: b.consecutive },
    endpoints: [...rt.endpoints.keys()].map((cap) => endpointView(rt, cap, now)),
    quota: keyLabels(rt).map((key) => ({ key, remaining: finite(rt.limiter.remaining(key)) })),
    limits: { ...rt.spec.limits },
    inflight: rt.live.inflight,
    coolUntil: rt.live.coolUntil
  };
}

export function poolView(engine: Engine, pool: PoolConfig, now: number): z.infer<typeof PoolView> {
  return {
    id: pool.id,
    name: pool.name,
    capabilities: [...pool.capabilities],
    strategy: pool.strategy,
    hedge: pool.hedge,
    maxAlternatives: pool.maxAlternatives,
    members: pool.members.map((m) => {
      const rt = engine.runtime(m.provider);
      return { ...m, state: rt?.breaker.state ?? null, available: rt ? isAvailable(rt, now) : false };
    })
  };
}

/** An engine answer as REST: data with its source and age. Attempts stay inside (they name hosts). */
export function answerBody<T>(a: Answer<T>, now: number): Omit<AnyAnswer, 'data'> & { data: T } {
  return { data: a.data, source: a.source, ts: a.ts, ageMs: Math.max(0, now - a.ts), cached: a.cached, stale: a.stale, latencyMs: a.latencyMs };
}

export interface ProviderCounts {
  total: number;
  available: number;
  missingKey: number;
  open: number;
  disabled: number;
}

export function providerCounts(engine: Engine, now: number): ProviderCounts {
  const c: ProviderCounts = { total: 0, available: 0, missingKey: 0, open: 0, disabled: 0 };
  for (const rt of engine.runtimes()) {
    c.total++;
    if (isAvailable(rt, now)) c.available++;
    if (rt.missingKey) c.missingKey++;
    const s = rt.breaker.state;
    if (s === 'open' || s === 'half_open' || s === 'forced_open') c.open++;
    if (s === 'disabled') c.disabled++;
  }
  return c;
}

export function cacheView(engine: Engine): { entries: number; hits: number; misses: number; hitRate: number } {
  const { hits, misses, size } = engine.cache;
  return { entries: size, hits, misses, hitRate: hits + misses === 0 ? 0 : hits / (hits + misses) };
}

export function requestTotals(engine: Engine): { total: number; successes: number; successRate: number } {
  let total = 0;
  let successes = 0;
  for (const rt of engine.runtimes()) {
    const t = totals(rt);
    total += t.requests;
    successes += t.successes;
  }
  return { total, successes, successRate: total === 0 ? 1 : successes / total };
}
