/**
 * Exact-or-conservative sliding windows for the rate limiter. A window of length W holding
 * `limit` units admits a spend at time t only if the units in (t - W, t] plus the spend stay
 * within the limit, for every t: no window of length W, aligned or not, ever holds more.
 */
export interface UnitWindow {
  readonly limit: number;
  readonly windowMs: number;
  /** ms until `weight` units fit (0 = now; Infinity when weight exceeds the limit). */
  wait(now: number, weight: number): number;
  take(now: number, weight: number): void;
  /** Units counted in the window ending now (may over-count for BucketWindow, never under). */
  used(now: number): number;
}

/** Limits up to this use the exact log (8 bytes a unit); larger ones use buckets. */
export const LOG_MAX_UNITS = 1024;

export function slidingWindow(limit: number, windowMs: number): UnitWindow {
  return limit <= LOG_MAX_UNITS ? new LogWindow(limit, windowMs) : new BucketWindow(limit, windowMs);
}

/**
 * Exact: a ring holding the times of the last `limit` units spent, oldest at `#head`.
 * A spend of w fits when the w-th oldest unit has left the window.
 */
export class LogWindow implements UnitWindow {
  readonly limit: number;
  readonly windowMs: number;
  readonly #times: Float64Array;
  #head = 0;

  constructor(limit: number, windowMs: number) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.#times = new Float64Array(Math.max(1, limit)).fill(-Infinity);
  }

  wait(now: number, weight: number): number {
    if (weight <= 0) return 0;
    if (weight > this.limit) return Infinity;
    const t = this.#at(weight - 1);
    return Math.max(0, t + this.windowMs - now);
  }

  take(now: number, weight: number): void {
    const n = Math.min(weight, this.limit);
    for (let i = 0; i < n; i++) {
      this.#times[this.#head] = now;
      this.#head = (this.#head + 1) % this.#times.length;
    }
  }

  used(now: number): number {
    // Times are in order from the head, so binary-search the first one still inside.
    const edge = now - this.windowMs;
    let lo = 0;
    let hi = this.limit;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#at(mid) > edge) hi = mid;
      else lo = mid + 1;
    }
    return this.limit - lo;
  }

  /** Time of the i-th oldest unit kept (i = 0 is the oldest). */
  #at(i: number): number {
    return this.#times[(this.#head + i) % this.#times.length] ?? -Infinity;
  }
}

const BUCKETS = 60;

/**
 * Conservative, fixed memory: BUCKETS + 1 time buckets of ceil(windowMs / BUCKETS) ms (integer,
 * so bucket edges are exact). The bucket that straddles the window's start is counted whole, so
 * it may refuse slightly early but never admits more than the limit in any window.
 */
export class BucketWindow implements UnitWindow {
  readonly limit: number;
  readonly windowMs: number;
  readonly #bucketMs: number;
  readonly #start = new Float64Array(BUCKETS + 1).fill(-Infinity);
  readonly #count = new Float64Array(BUCKETS + 1);

  constructor(limit: number, windowMs: number) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.#bucketMs = Math.max(1, Math.ceil(windowMs / BUCKETS));
  }

  wait(now: number, weight: number): number {
    if (weight <= 0) return 0;
    if (weight > this.limit) return Infinity;
    let excess = this.used(now) + weight - this.limit;
    if (excess <= 0) return 0;
    const current = Math.floor(now / this.#bucketMs);
    for (let k = this.#first(now); k <= current; k++) {
      excess -= this.#of(k);
      // Bucket k stops being counted once the window's start has passed its end.
      if (excess <= 0) return Math.max(0, (k + 1) * this.#bucketMs + this.windowMs - now);
    }
    return Infinity;
  }

  take(now: number, weight: number): void {
    const k = Math.floor(now / this.#bucketMs);
    const slot = k % (BUCKETS + 1);
    if (this.#start[slot] !== k) {
      this.#start[slot] = k;
      this.#count[slot] = 0;
    }
    this.#count[slot] = (this.#count[slot] ?? 0) + weight;
  }

  used(now: number): number {
    const current = Math.floor(now / this.#bucketMs);
    let total = 0;
    for (let k = this.#first(now); k <= current; k++) total += this.#of(k);
    return total;
  }

  /** The oldest bucket that may hold a unit inside (now - windowMs, now]. */
  #first(now: number): number {
    return Math.floor((now - this.windowMs) / this.#bucketMs);
  }

  #of(k: number): number {
    const slot = k % (BUCKETS + 1);
    return this.#start[slot] === k ? (this.#count[slot] ?? 0) : 0;
  }
}
