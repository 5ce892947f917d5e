/**
 * Log-bucketed latency histogram: buckets grow by 5% from 1 ms to 120 s (about 245 buckets,
 * fixed memory), so a percentile is reported within ~2.5% of the true sample value.
 * Values below 1 ms share the first bucket; values above 120 s the last.
 */

const RATIO = 1.05;
const LOG_RATIO = Math.log(RATIO);
const MAX_MS = 120_000;
const BUCKETS = Math.ceil(Math.log(MAX_MS) / LOG_RATIO) + 1;

export interface HistogramSnapshot {
  /** Sparse [bucket, count] pairs. */
  buckets: Array<[number, number]>;
  min: number;
  max: number;
}

export class LatencyHistogram {
  readonly #counts = new Float64Array(BUCKETS);
  #count = 0;
  #min = Infinity;
  #max = -Infinity;

  get count(): number {
    return this.#count;
  }

  record(ms: number): void {
    if (!(ms >= 0)) return; // NaN and negatives are not latencies
    const i = ms <= 1 ? 0 : Math.min(BUCKETS - 1, Math.ceil(Math.log(ms) / LOG_RATIO));
    this.#counts[i] = (this.#counts[i] ?? 0) + 1;
    this.#count++;
    if (ms < this.#min) this.#min = ms;
    if (ms > this.#max) this.#max = ms;
  }

  /** The p-th percentile (p in 0..100) in ms; 0 when nothing was recorded. */
  percentile(p: number): number {
    if (this.#count === 0) return 0;
    const rank = Math.max(1, Math.ceil((Math.min(100, Math.max(0, p)) / 100) * this.#count));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.#counts[i] ?? 0;
      if (seen >= rank) {
        // The open-ended edge buckets report what was seen; the others their geometric middle
        // of (RATIO^(i-1), RATIO^i], kept inside what was actually seen.
        if (i === 0) return this.#min;
        if (i === BUCKETS - 1) return this.#max;
        return Math.min(this.#max, Math.max(this.#min, RATIO ** (i - 0.5)));
      }
    }
    return this.#max;
  }

  reset(): void {
    this.#counts.fill(0);
    this.#count = 0;
    this.#min = Infinity;
    this.#max = -Infinity;
  }

  snapshot(): HistogramSnapshot {
    const buckets: Array<[number, number]> = [];
    this.#counts.forEach((c, i) => {
      if (c > 0) buckets.push([i, c]);
    });
    return { buckets, min: this.#count ? this.#min : 0, max: this.#count ? this.#max : 0 };
  }

  static restore(s: HistogramSnapshot): LatencyHistogram {
    const h = new LatencyHistogram();
    for (const [i, c] of s.buckets) {
      if (i >= 0 && i < BUCKETS && c > 0) {
        h.#counts[i] = c;
        h.#count += c;
      }
    }
    if (h.#count > 0) {
      h.#min = s.min;
      h.#max = s.max;
    }
    return h;
  }
}
