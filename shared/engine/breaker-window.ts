/**
 * Calls and failures over a sliding time window, for the breaker's failure-rate rule: a ring of
 * BUCKETS time buckets of windowMs / BUCKETS with running totals, so recording is O(1)
 * amortised with fixed memory. The window spans between 0.9 and 1.0 windowMs of history.
 */

const BUCKETS = 10;

export class FailureWindow {
  readonly #bucketMs: number;
  readonly #calls = new Int32Array(BUCKETS);
  readonly #failed = new Int32Array(BUCKETS);
  #head = -Infinity;
  #totalCalls = 0;
  #totalFailures = 0;

  constructor(windowMs: number) {
    this.#bucketMs = Math.max(1, windowMs / BUCKETS);
  }

  get calls(): number {
    return this.#totalCalls;
  }

  get failures(): number {
    return this.#totalFailures;
  }

  record(now: number, failure: boolean): void {
    const bucket = Math.floor(now / this.#bucketMs);
    if (bucket > this.#head) {
      // Expire the buckets between the old head and the new one (at most BUCKETS of them).
      const gap = Math.min(BUCKETS, bucket - this.#head);
      for (let i = 0; i < gap; i++) {
        const slot = (bucket - i) % BUCKETS;
        this.#totalCalls -= this.#calls[slot] ?? 0;
        this.#totalFailures -= this.#failed[slot] ?? 0;
        this.#calls[slot] = 0;
        this.#failed[slot] = 0;
      }
      this.#head = bucket;
    }
    // A clock that steps back lands in the current head bucket rather than corrupting the ring.
    const slot = this.#head % BUCKETS;
    this.#calls[slot] = (this.#calls[slot] ?? 0) + 1;
    this.#totalCalls++;
    if (failure) {
      this.#failed[slot] = (this.#failed[slot] ?? 0) + 1;
      this.#totalFailures++;
    }
  }

  clear(): void {
    this.#calls.fill(0);
    this.#failed.fill(0);
    this.#head = -Infinity;
    this.#totalCalls = 0;
    this.#totalFailures = 0;
  }
}
