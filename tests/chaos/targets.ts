import type { FixtureCase } from '../../shared/catalog/testing/cases';
import type { ProviderSpec } from '../../shared/engine/adapter';
import type { Capability } from '../../shared/model';

/** One capability under chaos: the request it is asked, and the providers that can answer it. */
export interface ChaosTarget {
  readonly capability: Capability;
  readonly params: Record<string, unknown>;
  /** Sorted by id, so "the first k are faulted" is deterministic. */
  readonly providers: readonly ProviderSpec[];
}

/**
 * For every capability, the request shape the most providers have a real recorded success for.
 * Only those providers form the capability's pool here: the simulator answers a provider only
 * from its recordings, so a provider recorded for another symbol would be a permanent failure
 * that no injected fault caused, and would blur what the table measures.
 */
export function chaosTargets(cases: ReadonlyMap<string, readonly FixtureCase[]>, providers: readonly ProviderSpec[]): ChaosTarget[] {
  const byId = new Map(providers.filter((p) => !p.retired).map((p) => [p.id, p]));
  const groups = new Map<string, { capability: Capability; params: Record<string, unknown>; ids: Set<string> }>();
  for (const [id, list] of cases) {
    if (!byId.has(id)) continue;
    for (const c of list) {
      if (c.fails || (c.status !== undefined && c.status !== 200)) continue;
      const params = (c.params ?? {}) as Record<string, unknown>;
      const key = `${c.capability} ${JSON.stringify(params)}`;
      const g = groups.get(key) ?? { capability: c.capability, params, ids: new Set<string>() };
      g.ids.add(id);
      groups.set(key, g);
    }
  }
  const best = new Map<Capability, { params: Record<string, unknown>; ids: Set<string> }>();
  for (const g of groups.values()) {
    const current = best.get(g.capability);
    if (!current || g.ids.size > current.ids.size) best.set(g.capability, g);
  }
  return [...best.entries()]
    .map(([capability, g]) => ({
      capability,
      params: g.params,
      // Declared rate limits are dropped: the chaos suite measures injected faults, and a run
      // asks one provider far more often than a real minute allows.
      providers: [...g.ids].sort().map((id) => ({ ...(byId.get(id) as ProviderSpec), limits: {} })),
    }))
    .sort((a, b) => a.capability.localeCompare(b.capability));
}

/** How many of `n` providers a fraction faults: below 100 % at least one always stays healthy. */
export function faultedCount(n: number, fraction: number): number {
  if (fraction >= 1) return n;
  return Math.min(n - 1, Math.floor(n * fraction));
}
