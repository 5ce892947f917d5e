import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allProviders } from '../../shared/catalog/registry';
import { FAULT_KINDS } from '../sim/faults';
import { loadCases } from '../sim/routes';
import { startSimulator, type Simulator } from '../sim/server';
import { planCells, runCells, violations, type CellResult } from './runner';
import { chaosTargets, faultedCount, type ChaosTarget } from './targets';

/**
 * The short form of `npm run chaos`: every fault kind at 0/50/90/100 % over a few capabilities
 * (several providers each, with and without freshness checks), three answers per cell.
 */
const SHORT_FORM = ['price', 'global', 'news'] as const;

let sims: Simulator[] = [];
let targets: ChaosTarget[] = [];
let results: CellResult[] = [];

beforeAll(async () => {
  const cases = await loadCases();
  targets = chaosTargets(cases, allProviders());
  sims = await Promise.all([1, 2, 3, 4].map((seed) => startSimulator({ providers: allProviders(), cases, seed })));
  const chosen = targets.filter((t) => (SHORT_FORM as readonly string[]).includes(t.capability));
  results = await runCells(sims, planCells(chosen, FAULT_KINDS, 3));
}, 120_000);

afterAll(async () => {
  await Promise.all(sims.map((s) => s.close()));
});

describe('chaos (short form)', () => {
  it('finds a capability target with several recorded providers for each short-form capability', () => {
    for (const c of SHORT_FORM) expect(targets.find((t) => t.capability === c)?.providers.length ?? 0, c).toBeGreaterThan(1);
  });

  it('runs every fault kind at 50, 90 and 100 % plus a baseline for each capability', () => {
    expect(results).toHaveLength(SHORT_FORM.length * (1 + FAULT_KINDS.length * 4));
    expect(new Set(results.map((r) => r.kind))).toEqual(new Set(['none', ...FAULT_KINDS]));
  });

  it('answers 100 % (fresh or flagged stale) while a provider is healthy or a warm cache holds an answer', () => {
    expect(violations(results)).toEqual([]);
  });

  it('never returns data that fails the canonical schema', () => {
    expect(results.reduce((s, r) => s + r.invalid, 0)).toBe(0);
  });

  it('answers stale from a warm cache when every provider fails at the transport', () => {
    for (const kind of ['refused', 'timeout', 'server_error', 'html', 'truncated'] as const) {
      for (const r of results.filter((x) => x.kind === kind && x.fraction === 1 && x.warm)) expect(r.stale, `${r.capability} ${kind}`).toBe(r.requests);
    }
  });

  it('reports an error, not invented data, when everything fails with nothing cached', () => {
    for (const r of results.filter((x) => x.kind === 'refused' && x.fraction === 1 && !x.warm)) {
      expect(r.answered, r.capability).toBe(0);
      expect(r.errors, r.capability).toBe(r.requests);
    }
  });

  it('spends upstream calls on the faulted providers only until it finds the healthy one', () => {
    const baseline = results.filter((r) => r.kind === 'none');
    for (const r of baseline) expect(r.upstreamCalls / r.answered, r.capability).toBe(1);
    for (const r of results.filter((x) => x.kind === 'server_error' && x.fraction === 0.5)) {
      expect(r.upstreamCalls / r.answered, r.capability).toBeLessThanOrEqual(r.faulted + 1);
    }
  });
});

describe('faultedCount', () => {
  it('keeps one provider healthy below 100 % and faults all at 100 %', () => {
    expect(faultedCount(1, 0.9)).toBe(0);
    expect(faultedCount(5, 0.5)).toBe(2);
    expect(faultedCount(5, 0.9)).toBe(4);
    expect(faultedCount(2, 0.9)).toBe(1);
    expect(faultedCount(5, 1)).toBe(5);
  });
});
