import type { FailureKind } from './adapter';
import { LatencyHistogram, type HistogramSnapshot } from './histogram';
import { UptimeRollup, type UptimeSnapshot } from './uptime';

export { LatencyHistogram, type HistogramSnapshot } from './histogram';
export { UptimeRollup, UPTIME_RINGS, type UptimePoint, type UptimeResolution, type UptimeSnapshot } from './uptime';

/**
 * Statistics for one provider + capability. Latency (EWMA and histogram) is measured over
 * successful calls only: a failure's latency says how fast it failed, and an instant network
 * error must not make a broken provider look fast to the `fastest` strategy.
 */

export interface Outcome {
  ok: boolean;
  /** Failure kind when !ok. */
  kind?: FailureKind;
  latencyMs: number;
  /** Epoch ms when the call ended. */
  at: number;
}

export interface StatsOptions {
  /** Weight of the newest latency sample in the EWMA. Default 0.2. */
  ewmaAlpha?: number;
}

export interface StatsSnapshot {
  v: 1;
  ewmaAlpha: number;
  requests: number;
  successes: number;
  failuresByKind: Partial<Record<FailureKind, number>>;
  /** null when no successful latency has been recorded. */
  ewmaLatencyMs: number | null;
  histogram: HistogramSnapshot;
  lastError: { kind: FailureKind; at: number } | null;
  lastSuccessAt: number | null;
  uptime: UptimeSnapshot;
}

export const DEFAULT_EWMA_ALPHA = 0.2;

export class Stats {
  readonly latency = new LatencyHistogram();
  readonly uptime = new UptimeRollup();
  /**
   * The latest failure. The same object is updated in place on each failure so that record()
   * does not allocate; copy it if you keep it.
   */
  lastError?: { kind: FailureKind; at: number };
  lastSuccessAt?: number;

  readonly #alpha: number;
  readonly #failures: Partial<Record<FailureKind, number>> = {};
  #requests = 0;
  #successes = 0;
  #ewma = Number.NaN;

  constructor(options: StatsOptions = {}) {
    this.#alpha = options.ewmaAlpha ?? DEFAULT_EWMA_ALPHA;
  }

  get requests(): number {
    return this.#requests;
  }

  get successes(): number {
    return this.#successes;
  }

  /** Live counters by failure kind (do not mutate). */
  get failuresByKind(): Readonly<Partial<Record<FailureKind, number>>> {
    return this.#failures;
  }

  record(o: Outcome): void {
    this.recordCall(o.ok, o.latencyMs, o.at, o.kind);
  }

  /** `record` without the outcome object, for the router's hot path. */
  recordCall(ok: boolean, latencyMs: number, at: number, kind?: FailureKind): void {
    this.#requests++;
    this.uptime.record(at, ok);
    if (ok) {
      this.#successes++;
      this.lastSuccessAt = at;
      this.latency.record(latencyMs);
      this.#ewma = Number.isNaN(this.#ewma) ? latencyMs : this.#alpha * latencyMs + (1 - this.#alpha) * this.#ewma;
      return;
    }
    const k: FailureKind = kind ?? 'network';
    this.#failures[k] = (this.#failures[k] ?? 0) + 1;
    if (this.lastError) {
      this.lastError.kind = k;
      this.lastError.at = at;
    } else {
      this.lastError = { kind: k, at };
    }
  }

  /** successes / requests; 1 when nothing has been recorded (an untried provider is presumed healthy). */
  successRate(): number {
    return this.#requests === 0 ? 1 : this.#successes / this.#requests;
  }

  /** EWMA of successful latencies (first sample sets it, then alpha*x + (1-alpha)*prev); 0 with no samples. */
  ewmaLatencyMs(): number {
    return Number.isNaN(this.#ewma) ? 0 : this.#ewma;
  }

  /** Percentiles of successful latencies in ms; 0 with no samples. */
  p50(): number {
    return this.latency.percentile(50);
  }

  p95(): number {
    return this.latency.percentile(95);
  }

  p99(): number {
    return this.latency.percentile(99);
  }

  snapshot(): StatsSnapshot {
    return {
      v: 1,
      ewmaAlpha: this.#alpha,
      requests: this.#requests,
      successes: this.#successes,
      failuresByKind: { ...this.#failures },
      ewmaLatencyMs: Number.isNaN(this.#ewma) ? null : this.#ewma,
      histogram: this.latency.snapshot(),
      lastError: this.lastError ? { ...this.lastError } : null,
      lastSuccessAt: this.lastSuccessAt ?? null,
      uptime: this.uptime.snapshot(),
    };
  }

  static restore(s: StatsSnapshot): Stats {
    const st = new Stats({ ewmaAlpha: s.ewmaAlpha });
    st.#requests = s.requests;
    st.#successes = s.successes;
    Object.assign(st.#failures, s.failuresByKind);
    st.#ewma = s.ewmaLatencyMs ?? Number.NaN;
    if (s.lastError) st.lastError = { ...s.lastError };
    if (s.lastSuccessAt !== null) st.lastSuccessAt = s.lastSuccessAt;
    const parts = st as { latency: LatencyHistogram; uptime: UptimeRollup };
    parts.latency = LatencyHistogram.restore(s.histogram);
    parts.uptime = UptimeRollup.restore(s.uptime);
    return st;
  }
}
