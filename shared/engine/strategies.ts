import type { Random } from './ports';

/**
 * Strategies order candidates inside one tier. Each is O(1) or O(log n) per pick, except
 * `least_used`, a branch-free scan that stays under a microsecond below ~150 members.
 * They read live member state and skip members whose breaker is open or whose limits are spent.
 */
export const STRATEGIES = ['round_robin', 'priority', 'weighted', 'least_used', 'fastest', 'p2c'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** Live state of a provider, shared by every pool it is in: the router writes it, selectors read it. */
export interface Live {
  /** Epoch ms before which the provider's breaker refuses calls. */
  readonly breaker: { readonly blockedUntil: number };
  /** Epoch ms before which its rate limits or quotas are spent (all keys). */
  coolUntil: number;
  inflight: number;
  /** Requests started in the current usage window (for `least_used`). */
  used: number;
  /** EWMA latency in ms; 0 while unknown. */
  latency: number;
}

/** One provider inside one pool, for one capability. */
export interface Member {
  readonly id: string;
  /** Lower runs earlier for `priority`. */
  readonly priority: number;
  /** Relative share for `weighted` (> 0). */
  readonly weight: number;
  readonly live: Live;
  /** The breaker of this provider's endpoint for the capability (one endpoint can be down alone). */
  readonly endpoint: { readonly blockedUntil: number };
}

export const isAvailable = (m: Member, now: number): boolean =>
  m.live.coolUntil <= now && m.live.breaker.blockedUntil <= now && m.endpoint.blockedUntil <= now;

/** Members already tried for this request; tiny (at most the alternatives limit). */
export type Tried = readonly Member[];

export interface Selector {
  readonly strategy: Strategy;
  /** Next member index to try, or -1 when none is available and untried. */
  pick(now: number, tried: Tried): number;
}

const ok = (members: readonly Member[], i: number, now: number, tried: Tried): boolean => {
  const m = members[i] as Member;
  return isAvailable(m, now) && (tried.length === 0 || !tried.includes(m));
};

class RoundRobin implements Selector {
  readonly strategy = 'round_robin';
  #cursor = 0;
  constructor(private readonly members: readonly Member[]) {}
  pick(now: number, tried: Tried): number {
    const n = this.members.length;
    for (let k = 0; k < n; k++) {
      let i = this.#cursor + k;
      if (i >= n) i -= n;
      if (ok(this.members, i, now, tried)) {
        this.#cursor = i + 1 === n ? 0 : i + 1;
        return i;
      }
    }
    return -1;
  }
}

class Priority implements Selector {
  readonly strategy = 'priority';
  readonly #order: Int32Array;
  constructor(private readonly members: readonly Member[]) {
    // Sorted once; ties keep declaration order. Re-create the selector when priorities change.
    this.#order = Int32Array.from(members.map((_, i) => i).sort((a, b) => (members[a] as Member).priority - (members[b] as Member).priority || a - b));
  }
  pick(now: number, tried: Tried): number {
    const order = this.#order;
    for (let k = 0; k < order.length; k++) {
      const i = order[k] as number;
      if (ok(this.members, i, now, tried)) return i;
    }
    return -1;
  }
}

class Weighted implements Selector {
  readonly strategy = 'weighted';
  readonly #cumulative: Float64Array;
  readonly #total: number;
  constructor(
    private readonly members: readonly Member[],
    private readonly random: Random,
  ) {
    let sum = 0;
    this.#cumulative = Float64Array.from(members, (m) => (sum += Math.max(m.weight, 1e-9)));
    this.#total = sum;
  }
  pick(now: number, tried: Tried): number {
    const cum = this.#cumulative;
    const n = cum.length;
    if (n === 0) return -1;
    const r = this.random.next() * this.#total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cum[mid] as number) > r) hi = mid;
      else lo = mid + 1;
    }
    // The drawn member is usually available; otherwise walk on from it (keeps O(1) typical).
    for (let k = 0; k < n; k++) {
      let i = lo + k;
      if (i >= n) i -= n;
      if (ok(this.members, i, now, tried)) return i;
    }
    return -1;
  }
}

class LeastUsed implements Selector {
  readonly strategy = 'least_used';
  #cursor = 0;
  constructor(private readonly members: readonly Member[]) {}
  pick(now: number, tried: Tried): number {
    const ms = this.members;
    const n = ms.length;
    let best = -1;
    let bestLoad = Infinity;
    // Start the scan at a rotating offset so ties spread across members.
    const start = this.#cursor;
    for (let k = 0; k < n; k++) {
      let i = start + k;
      if (i >= n) i -= n;
      const m = ms[i] as Member;
      const load = m.live.used + m.live.inflight;
      if (load < bestLoad && ok(ms, i, now, tried)) {
        best = i;
        bestLoad = load;
      }
    }
    this.#cursor = start + 1 >= n ? 0 : start + 1;
    return best;
  }
}

/** Chance of trying a random member instead of the fastest, so recovered providers get re-measured. */
export const FASTEST_EXPLORATION = 0.05;

/** How many picks `fastest` reuses its ranking before rescanning latencies (EWMAs move slowly). */
export const FASTEST_RESCAN_EVERY = 64;

class Fastest implements Selector {
  readonly strategy = 'fastest';
  #best = -1;
  #picksSinceScan = FASTEST_RESCAN_EVERY;
  constructor(
    private readonly members: readonly Member[],
    private readonly random: Random,
  ) {}
  pick(now: number, tried: Tried): number {
    const ms = this.members;
    const n = ms.length;
    if (n === 0) return -1;
    if (this.random.next() < FASTEST_EXPLORATION) {
      const start = Math.floor(this.random.next() * n);
      for (let k = 0; k < n; k++) {
        const i = (start + k) % n;
        if (ok(ms, i, now, tried)) return i;
      }
      return -1;
    }
    // The cached fastest serves while it is usable; a full scan runs every FASTEST_RESCAN_EVERY picks
    // or when the cached one is blocked or already tried.
    if (++this.#picksSinceScan < FASTEST_RESCAN_EVERY && this.#best >= 0 && ok(ms, this.#best, now, tried)) return this.#best;
    let best = -1;
    let bestLatency = Infinity;
    for (let i = 0; i < n; i++) {
      // Unknown latency (0) sorts first: a new member gets measured.
      const l = (ms[i] as Member).live.latency;
      if (l < bestLatency && ok(ms, i, now, tried)) {
        best = i;
        bestLatency = l;
      }
    }
    if (tried.length === 0) {
      this.#best = best;
      this.#picksSinceScan = 0;
    }
    return best;
  }
}

class PowerOfTwo implements Selector {
  readonly strategy = 'p2c';
  constructor(
    private readonly members: readonly Member[],
    private readonly random: Random,
  ) {}
  #cost(i: number): number {
    const { live } = this.members[i] as Member;
    // Unknown latency is treated as 1 ms so new members are tried; in-flight work raises the cost.
    return (live.latency || 1) * (live.inflight + 1);
  }
  pick(now: number, tried: Tried): number {
    const n = this.members.length;
    if (n === 0) return -1;
    // One draw gives both distinct indices: r in [0, n·(n-1)) splits into a and b.
    const r = Math.floor(this.random.next() * n * (n - 1 || 1));
    const a = Math.floor(r / (n - 1 || 1));
    let b = r % (n - 1 || 1);
    if (b >= a) b++;
    const okA = ok(this.members, a, now, tried);
    const okB = n > 1 && ok(this.members, b, now, tried);
    if (okA && okB) return this.#cost(a) <= this.#cost(b) ? a : b;
    if (okA) return a;
    if (okB) return b;
    // Both draws unavailable: fall back to the cheapest available member.
    let best = -1;
    let bestCost = Infinity;
    for (let i = 0; i < n; i++) {
      if (!ok(this.members, i, now, tried)) continue;
      const c = this.#cost(i);
      if (c < bestCost) {
        best = i;
        bestCost = c;
      }
    }
    return best;
  }
}

export function createSelector(strategy: Strategy, members: readonly Member[], random: Random): Selector {
  switch (strategy) {
    case 'round_robin':
      return new RoundRobin(members);
    case 'priority':
      return new Priority(members);
    case 'weighted':
      return new Weighted(members, random);
    case 'least_used':
      return new LeastUsed(members);
    case 'fastest':
      return new Fastest(members, random);
    case 'p2c':
      return new PowerOfTwo(members, random);
  }
}
