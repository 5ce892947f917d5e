import { SymbolMap } from '../../shared/catalog/symbols';
import { Engine, fetchTransport, MemoryStore, SeededRandom, systemClock } from '../../shared/engine';
import { CAPABILITIES, type Capability } from '../../shared/model';
import { BODY_FAULTS } from '../../shared/catalog/testing/corrupt';
import type { FaultKind } from '../sim/faults';
import type { Simulator } from '../sim/server';
import { faultedCount, type ChaosTarget } from './targets';

/** Timings that keep timeout and slow-body faults cheap while leaving every real answer room. */
export interface ChaosTimings {
  /** One attempt's timeout, ms. */
  readonly attemptMs: number;
  /** One request's overall deadline, ms. */
  readonly deadlineMs: number;
  /** How long a `slow` body trickles, ms (above attemptMs, so a slow provider is a timeout). */
  readonly slowMs: number;
}

export const DEFAULT_TIMINGS: ChaosTimings = { attemptMs: 400, deadlineMs: 3_000, slowMs: 1_200 };

export interface CellSpec {
  readonly target: ChaosTarget;
  /** `none` with fraction 0: the baseline. */
  readonly kind: FaultKind | 'none';
  readonly fraction: number;
  /**
   * Warm: one answer is cached before the faults start, so stale-if-error can answer (the case a
   * running app is in). Cold: nothing cached, as after a fresh start.
   */
  readonly warm: boolean;
  readonly requests: number;
}

export interface CellResult {
  readonly capability: Capability;
  readonly kind: FaultKind | 'none';
  readonly fraction: number;
  readonly warm: boolean;
  readonly providers: number;
  readonly faulted: number;
  readonly requests: number;
  /** ok answers, fresh or flagged stale. */
  readonly answered: number;
  readonly stale: number;
  readonly errors: number;
  /** ok answers whose data fails the capability's canonical schema (must be 0). */
  readonly invalid: number;
  /** Fresh answers taken from a provider that was serving a corrupted body (passed every check). */
  readonly fromFaulted: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Upstream (simulator) requests during the measured requests. */
  readonly upstreamCalls: number;
  /** The warm-up answer failed (a warm cell then measures nothing more than a cold one). */
  readonly warmFailed: boolean;
}

const symbols = new SymbolMap();
const bodyFaults = new Set<string>(BODY_FAULTS);

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
}

/** One cell of the table: a fresh engine on the simulator, faults set, `requests` answers asked in turn. */
export async function runCell(sim: Simulator, spec: CellSpec, timings: ChaosTimings = DEFAULT_TIMINGS, seed = 1): Promise<CellResult> {
  const { target, kind, fraction, warm } = spec;
  const providers = target.providers.map((p) => ({ ...p, baseUrl: sim.baseUrl(p.id) }));
  const engine = new Engine({
    providers,
    ports: { clock: systemClock, random: new SeededRandom(seed), transport: fetchTransport, store: new MemoryStore(), secrets: { keys: () => ['sim-key'] } },
    symbolId: (p, s) => symbols.resolve(p, s),
    deadlineMs: timings.deadlineMs,
    attemptTimeoutMs: timings.attemptMs,
  });
  const k = kind === 'none' ? 0 : faultedCount(providers.length, fraction);
  const faultedIds = new Set(providers.slice(0, k).map((p) => p.id));
  const params = target.params as never;
  try {
    for (const p of providers) sim.clearFaults(p.id);
    let warmFailed = false;
    if (warm) warmFailed = !(await engine.get(target.capability, params)).ok;
    if (kind !== 'none') for (const id of faultedIds) sim.setFault(id, { kind, rate: 1, retryAfterS: 30, delayMs: timings.slowMs });
    const before = providers.reduce((sum, p) => sum + sim.requests(p.id), 0);
    const latencies: number[] = [];
    let answered = 0;
    let stale = 0;
    let invalid = 0;
    let fromFaulted = 0;
    for (let i = 0; i < spec.requests; i++) {
      const t0 = performance.now();
      // `fresh` skips the cache read, so every request is routed; stale-if-error still applies.
      const answer = await engine.get(target.capability, params, { fresh: true });
      latencies.push(performance.now() - t0);
      if (!answer.ok) continue;
      answered++;
      if (answer.stale) stale++;
      if (!CAPABILITIES[target.capability].result.safeParse(answer.data).success) invalid++;
      if (!answer.stale && faultedIds.has(answer.source) && bodyFaults.has(kind)) fromFaulted++;
    }
    const after = providers.reduce((sum, p) => sum + sim.requests(p.id), 0);
    latencies.sort((a, b) => a - b);
    return {
      capability: target.capability,
      kind,
      fraction,
      warm,
      providers: providers.length,
      faulted: k,
      requests: spec.requests,
      answered,
      stale,
      errors: spec.requests - answered,
      invalid,
      fromFaulted,
      p50Ms: quantile(latencies, 0.5),
      p99Ms: quantile(latencies, 0.99),
      upstreamCalls: after - before,
      warmFailed,
    };
  } finally {
    for (const p of providers) sim.clearFaults(p.id);
    await engine.close();
  }
}

/** Runs cells over several simulators at once (each lane owns one, so faults never cross cells). */
export async function runCells(sims: readonly Simulator[], specs: readonly CellSpec[], timings: ChaosTimings = DEFAULT_TIMINGS, onCell?: (r: CellResult) => void): Promise<CellResult[]> {
  const results: CellResult[] = new Array<CellResult>(specs.length);
  let next = 0;
  await Promise.all(
    sims.map(async (sim) => {
      for (let i = next++; i < specs.length; i = next++) {
        const r = await runCell(sim, specs[i] as CellSpec, timings, i + 1);
        results[i] = r;
        onCell?.(r);
      }
    }),
  );
  return results;
}

/**
 * The done-when rules over a set of results; returns what broke them (empty when all hold):
 * 100 % answered while a provider is healthy (or while a warm cache can answer stale), and no
 * answer carrying data that fails validation. A cold cell with every provider faulted answering
 * with an error is correct and is not counted against the rule.
 */
export function violations(results: readonly CellResult[]): string[] {
  const out: string[] = [];
  for (const r of results) {
    const label = `${r.capability} ${r.kind} ${Math.round(r.fraction * 100)}% ${r.warm ? 'warm' : 'cold'}`;
    if (r.invalid > 0) out.push(`${label}: ${r.invalid} answers failed validation`);
    const mustAnswer = r.faulted < r.providers || (r.warm && !r.warmFailed);
    if (mustAnswer && r.answered < r.requests) out.push(`${label}: answered ${r.answered}/${r.requests}`);
  }
  return out;
}

/**
 * The cells of a run: per capability one baseline (no fault), then every fault kind at 50 %, 90 %
 * and 100 % of its providers (cold), and at 100 % once more with a warm cache.
 */
export function planCells(targets: readonly ChaosTarget[], kinds: readonly FaultKind[], requests: number): CellSpec[] {
  const specs: CellSpec[] = [];
  for (const target of targets) {
    specs.push({ target, kind: 'none', fraction: 0, warm: false, requests });
    for (const kind of kinds) {
      for (const fraction of [0.5, 0.9, 1]) specs.push({ target, kind, fraction, warm: false, requests });
      specs.push({ target, kind, fraction: 1, warm: true, requests });
    }
  }
  return specs;
}
