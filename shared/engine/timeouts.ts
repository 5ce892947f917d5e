import type { Clock, TimerHandle } from './ports';

/** The reason a timed-out attempt's signal carries, so the caller can tell a timeout from other aborts. */
export const TIMED_OUT = Symbol('timed out');

/** What a timeout aborts. */
export interface AbortTarget {
  abort(reason: unknown): void;
}

/** A scheduled timeout; pass it to `cancel`. */
export interface Timeout {
  readonly at: number;
  target: AbortTarget | undefined;
}

/**
 * One attempt's cancellation: the AbortSignal is made only if the transport reads it, and
 * `guard` makes the attempt's promise reject on abort even if the transport never looks.
 */
export class AttemptAbort implements AbortTarget {
  #controller: AbortController | undefined;
  #reject: ((reason: unknown) => void) | undefined;
  reason: unknown = undefined;
  /** Called (once, synchronously) on abort; the router's single-promise alternative to `guard`. */
  onAbort: ((reason: unknown) => void) | undefined = undefined;

  get signal(): AbortSignal {
    this.#controller ??= new AbortController();
    if (this.reason !== undefined) this.#controller.abort(this.reason);
    return this.#controller.signal;
  }

  get aborted(): boolean {
    return this.reason !== undefined;
  }

  abort(reason: unknown): void {
    if (this.reason !== undefined) return;
    this.reason = reason;
    this.#controller?.abort(reason);
    this.#reject?.(reason);
    this.onAbort?.(reason);
  }

  /** The transport's promise, rejected early with the abort reason when aborted first. */
  guard<T>(work: Promise<T>): Promise<T> {
    if (this.reason !== undefined) return Promise.reject(this.reason);
    return new Promise<T>((resolve, reject) => {
      this.#reject = reject;
      work.then(resolve, reject);
    });
  }
}

/**
 * Many attempt timeouts on one timer. Attempt timeouts are nearly always cancelled, and a platform
 * timer per attempt costs more than the rest of the engine's bookkeeping; here one timer is
 * armed for the earliest live deadline and a cancel is a field write. Deadlines of equal
 * duration arrive in order, so insertion is an append.
 */
export class Timeouts {
  #queue: Timeout[] = [];
  #head = 0;
  #cancelled = 0;
  #timer: TimerHandle | undefined;
  #armedAt = Infinity;

  constructor(private readonly clock: Clock) {}

  /** Abort `target` (reason TIMED_OUT) after `ms` unless `cancel` is called first. */
  schedule(ms: number, target: AbortTarget, now: number = this.clock.now()): Timeout {
    const entry: Timeout = { at: now + ms, target };
    const q = this.#queue;
    // Keep the queue sorted by time; out-of-order deadlines (rare) are placed by a short scan back.
    let i = q.length;
    while (i > this.#head && (q[i - 1] as Timeout).at > entry.at) i--;
    if (i === q.length) q.push(entry);
    else q.splice(i, 0, entry);
    if (entry.at < this.#armedAt) this.#arm(entry.at);
    return entry;
  }

  cancel(entry: Timeout): void {
    if (entry.target === undefined) return;
    entry.target = undefined;
    if (++this.#cancelled > 1024 && this.#cancelled * 2 > this.#queue.length - this.#head) this.#compact();
  }

  get pending(): number {
    return this.#queue.length - this.#head - this.#cancelled;
  }

  #arm(at: number): void {
    if (this.#timer) this.clock.clearTimeout(this.#timer);
    this.#armedAt = at;
    this.#timer = this.clock.setTimeout(() => this.#run(), Math.max(0, at - this.clock.now()));
  }

  #run(): void {
    this.#timer = undefined;
    this.#armedAt = Infinity;
    const now = this.clock.now();
    const q = this.#queue;
    while (this.#head < q.length && (q[this.#head] as Timeout).at <= now) {
      const e = q[this.#head++] as Timeout;
      if (e.target) {
        const t = e.target;
        e.target = undefined;
        t.abort(TIMED_OUT);
      } else this.#cancelled--;
    }
    this.#compact();
    const next = q[this.#head];
    if (next) this.#arm(next.at);
  }

  #compact(): void {
    const live = this.#queue.slice(this.#head).filter((e) => e.target !== undefined);
    this.#queue = live;
    this.#head = 0;
    this.#cancelled = 0;
    if (live.length === 0 && this.#timer) {
      this.clock.clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#armedAt = Infinity;
    }
  }
}
