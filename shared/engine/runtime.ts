import type { Capability } from '../model';
import type { FailureKind, ProviderSpec } from './adapter';
import { CircuitBreaker, type BreakerOptions, type BreakerSnapshot, type BreakerTransition } from './breaker';
import { RateLimiter, type LimiterSnapshot } from './limiter';
import type { MemberRuntime } from './pool';
import type { Clock, Random } from './ports';
import { Stats } from './stats';
import type { Live } from './strategies';

/** Failures that say the provider as a whole is unwell (its host, its network path). */
const PROVIDER_FAILURES: ReadonlySet<FailureKind> = new Set(['network', 'timeout', 'http_5xx']);
/** Failures that say one endpoint answers wrongly (bad body, errors in 200s, absurd data). */
const ENDPOINT_FAILURES: ReadonlySet<FailureKind> = new Set(['not_json', 'schema', 'sanity', 'upstream_error']);

/** Whether a failure kind counts against a breaker; 429s, auth and "not listed here" do not. */
export const breakerCounts = (kind: FailureKind): boolean => PROVIDER_FAILURES.has(kind) || ENDPOINT_FAILURES.has(kind);

export interface RuntimeDeps {
  clock: Clock;
  random: Random;
  breaker: Partial<BreakerOptions>;
  keys: readonly string[];
  /** Canonical symbol -> this provider's coin id. */
  symbolId: (symbol: string) => string | undefined;
  /** Record a symbol -> id pair this provider revealed. */
  learn: (symbol: string, id: string) => void;
  onTransition: (provider: string, t: BreakerTransition) => void;
  breakerSnapshots?: Readonly<Record<string, BreakerSnapshot>>;
  quota?: LimiterSnapshot;
}

/** Everything the engine keeps about one provider: breakers, limits and keys, live load, stats. */
export class ProviderRuntime implements MemberRuntime {
  readonly breaker: CircuitBreaker;
  readonly endpoints = new Map<Capability, CircuitBreaker>();
  readonly limiter: RateLimiter;
  readonly stats = new Map<Capability, Stats>();
  readonly live: Live;
  /** Keys to rotate through; `['']` for a keyless call. Empty when a required key is missing. */
  readonly keys: readonly string[];
  readonly symbolId: (symbol: string) => string | undefined;
  readonly learn: (symbol: string, id: string) => void;
  /** Limiter labels of `keys`, and the pick for each key when it can go now (built once). */
  readonly #labels: readonly string[];
  readonly #ready: readonly KeyPick[];

  constructor(
    readonly spec: ProviderSpec,
    deps: RuntimeDeps,
  ) {
    const snap = deps.breakerSnapshots ?? {};
    this.breaker = new CircuitBreaker(deps.breaker, deps.clock, deps.random, (t) => deps.onTransition(spec.id, t), snap['*']);
    for (const cap of Object.keys(spec.capabilities) as Capability[]) {
      this.endpoints.set(
        cap,
        new CircuitBreaker(deps.breaker, deps.clock, deps.random, (t) => deps.onTransition(`${spec.id}:${cap}`, t), snap[cap]),
      );
      this.stats.set(cap, new Stats());
    }
    this.limiter = new RateLimiter(spec.limits, deps.clock, deps.quota);
    const auth = spec.auth;
    this.keys = auth.kind === 'none' ? [''] : deps.keys.length > 0 ? deps.keys : auth.optional ? [''] : [];
    this.#labels = this.keys.map((_, i) => keyLabel(this.keys, i));
    this.#ready = this.keys.map((key, i) => Object.freeze({ key, label: this.#labels[i] as string, wait: 0 }));
    this.live = { breaker: this.breaker, coolUntil: 0, inflight: 0, used: 0, latency: 0 };
    this.symbolId = deps.symbolId;
    this.learn = deps.learn;
  }

  get tier() {
    return this.spec.tier;
  }

  get declaredWeight(): number {
    return this.spec.weight;
  }

  /** A provider that needs a key it does not have is never a candidate. */
  get missingKey(): boolean {
    return this.keys.length === 0;
  }

  endpoint(capability: Capability): CircuitBreaker | undefined {
    return this.missingKey ? undefined : this.endpoints.get(capability);
  }

  /**
   * The key with the shortest wait, then the most quota left; `wait` is 0 when it can go now.
   * The limiter (and so the store) only ever sees the key's label (`key1`, `key2` …, `anonymous`).
   */
  pickKey(weight: number, now?: number): { key: string; label: string; wait: number } {
    const n = this.keys.length;
    if (n === 1) {
      // One key (the common case): nothing to compare, and a ready answer when it can go now.
      const wait = this.limiter.waitMs(this.#labels[0] as string, weight, now);
      return wait === 0 ? (this.#ready[0] as KeyPick) : { key: this.keys[0] as string, label: this.#labels[0] as string, wait };
    }
    let best = -1;
    let bestWait = Infinity;
    let bestRemaining = -1;
    for (let i = 0; i < n; i++) {
      const label = this.#labels[i] as string;
      const wait = this.limiter.waitMs(label, weight, now);
      const remaining = wait === 0 ? this.limiter.remaining(label, now) : -1;
      if (best < 0 || wait < bestWait || (wait === bestWait && remaining > bestRemaining)) {
        best = i;
        bestWait = wait;
        bestRemaining = remaining;
      }
    }
    if (best < 0) return { key: '', label: keyLabel(this.keys, 0), wait: Infinity };
    if (bestWait === 0) return this.#ready[best] as KeyPick;
    return { key: this.keys[best] as string, label: this.#labels[best] as string, wait: bestWait };
  }

  /** Recompute when the provider's limits next allow a call (over all keys). */
  refreshCool(now: number): void {
    let wait = Infinity;
    for (let i = 0; i < this.keys.length; i++) wait = Math.min(wait, this.limiter.waitMs(this.#labels[i] as string, 1, now));
    this.live.coolUntil = wait === 0 ? 0 : now + wait;
  }

  breakerSnapshots(): Record<string, BreakerSnapshot> {
    const out: Record<string, BreakerSnapshot> = { '*': this.breaker.toJSON() };
    for (const [cap, b] of this.endpoints) out[cap] = b.toJSON();
    return out;
  }

  /** Report one finished attempt to the breakers: each gets a verdict so half-open probe slots free up. */
  settle(endpoint: CircuitBreaker, kind: FailureKind | 'ok', latencyMs: number, now?: number): void {
    if (kind === 'ok') {
      this.breaker.onSuccess(latencyMs, now);
      endpoint.onSuccess(latencyMs, now);
    } else if (PROVIDER_FAILURES.has(kind)) {
      this.breaker.onFailure(kind);
      endpoint.onNeutral();
    } else if (ENDPOINT_FAILURES.has(kind)) {
      this.breaker.onNeutral();
      endpoint.onFailure(kind);
    } else {
      this.breaker.onNeutral();
      endpoint.onNeutral();
    }
  }
}

interface KeyPick {
  readonly key: string;
  readonly label: string;
  readonly wait: number;
}

const keyLabel = (keys: readonly string[], i: number): string => (keys[i] ? `key${i + 1}` : 'anonymous');
