import type { FailureKind } from './adapter';
import { FailureWindow } from './breaker-window';
import type { Clock, Random } from './ports';

/**
 * Circuit breaker per provider (or provider+capability): closed -> open on N consecutive
 * failures or a failure rate over a sliding window; open for a jittered cool-down that doubles
 * on each re-trip up to a cap; half-open admits a few probes and closes after enough successes.
 * Outcomes carry no ticket: while half-open any reported outcome is taken as a probe's, and while
 * open, forced open or disabled, late outcomes count for nothing. Every call admitted by
 * tryAcquire() must end in exactly one of onSuccess / onFailure / onNeutral, or its probe slot
 * stays taken.
 */

export type BreakerState = 'closed' | 'open' | 'half_open' | 'forced_open' | 'disabled';

export interface BreakerOptions {
  /** Consecutive failures that open the breaker. Default 5 (as the seeds). */
  consecutiveFailures: number;
  /** Trip when the failure rate over the window is strictly above this fraction. Default 0.5. */
  failureRate: number;
  /**
   * Length of the sliding window for the rate rule. Default 60_000. The window is a ring of
   * 10 time buckets of windowMs/10, so it spans between 0.9 and 1.0 windowMs of history.
   */
  windowMs: number;
  /** The rate rule applies only once the window holds at least this many calls. Default 10. */
  minimumCalls: number;
  /** A success slower than this (ms) counts as a failure ('slow call'). Default 8_000. */
  slowCallMs: number;
  /** First open period (ms). Default 30_000. */
  cooldownMs: number;
  /**
   * Cap on the cool-down (ms). Default 600_000. Each re-trip (a failure while half-open, or a
   * trip within max(windowMs, last cool-down) of closing) doubles the cool-down. Jitter is
   * applied to the capped value and the result is capped again, so a cool-down never exceeds
   * this: at the cap it lies in [cap*(1-jitter), cap].
   */
  maxCooldownMs: number;
  /** The cool-down is multiplied by 1 ± jitter*random. Default 0.2. */
  jitter: number;
  /** Probes allowed in flight while half-open. Default 1. */
  halfOpenProbes: number;
  /** Probe successes needed to close. Default 2. */
  successesToClose: number;
}

export const DEFAULT_BREAKER: BreakerOptions = Object.freeze({
  consecutiveFailures: 5,
  failureRate: 0.5,
  windowMs: 60_000,
  minimumCalls: 10,
  slowCallMs: 8_000,
  cooldownMs: 30_000,
  maxCooldownMs: 600_000,
  jitter: 0.2,
  halfOpenProbes: 1,
  successesToClose: 2,
});

export interface BreakerTransition {
  from: BreakerState;
  to: BreakerState;
  reason: string;
  at: number;
  /** For failure-driven transitions: the failure kind, or 'slow call'. */
  cause?: FailureKind | 'slow call';
}

export interface BreakerSnapshot {
  state: BreakerState;
  openedAt: number;
  openUntil: number;
  /** Times this breaker has opened on failures (lifetime). */
  trips: number;
  /** Re-trip level: the next cool-down is cooldownMs * 2^level (capped). */
  level: number;
  /** When it last closed after being open (0 = never). */
  closedAt: number;
  /** Length of the last cool-down (ms). */
  lastCooldownMs: number;
  consecutive: number;
}

export class CircuitBreaker {
  /** Epoch ms before which calls are refused: 0 when callable now, Infinity when disabled, forced open or half-open with every probe slot taken. A plain field so selectors can read it cheaply. */
  readonly blockedUntil: number = 0;

  readonly #o: BreakerOptions;
  readonly #clock: Clock;
  readonly #random: Random;
  readonly #onTransition: ((t: BreakerTransition) => void) | undefined;

  #state: BreakerState = 'closed';
  #openedAt = 0;
  #openUntil = 0;
  #trips = 0;
  #level = 0;
  #closedAt = 0;
  #lastCooldownMs = 0;
  #consecutive = 0;
  #probesInFlight = 0;
  #probeSuccesses = 0;

  readonly #window: FailureWindow;

  constructor(
    options: Partial<BreakerOptions>,
    clock: Clock,
    random: Random,
    onTransition?: (t: BreakerTransition) => void,
    snapshot?: BreakerSnapshot,
  ) {
    this.#o = { ...DEFAULT_BREAKER, ...options };
    this.#clock = clock;
    this.#random = random;
    this.#onTransition = onTransition;
    this.#window = new FailureWindow(this.#o.windowMs);
    if (snapshot) this.#restore(snapshot);
  }

  get state(): BreakerState {
    return this.#state;
  }

  get options(): Readonly<BreakerOptions> {
    return this.#o;
  }

  tryAcquire(): boolean {
    switch (this.#state) {
      case 'closed':
        return true;
      case 'open':
        if (this.#clock.now() < this.#openUntil) return false;
        this.#move('half_open', 'cool-down elapsed');
        return this.#admitProbe();
      case 'half_open':
        return this.#admitProbe();
      default:
        return false;
    }
  }

  /** `now` defaults to the clock; a caller that just read it may pass it. */
  onSuccess(latencyMs: number, now?: number): void {
    if (latencyMs > this.#o.slowCallMs) return this.#failed('slow call');
    if (this.#state === 'closed') {
      this.#consecutive = 0;
      this.#window.record(now ?? this.#clock.now(), false);
    } else if (this.#state === 'half_open') {
      this.#releaseProbe();
      if (++this.#probeSuccesses >= this.#o.successesToClose) {
        this.#closedAt = this.#clock.now();
        this.#move('closed', `${this.#probeSuccesses} probe successes`);
      }
    }
    // Late answers while open / forced open / disabled count for nothing.
  }

  onFailure(kind: FailureKind): void {
    this.#failed(kind);
  }

  onNeutral(): void {
    if (this.#state === 'half_open') this.#releaseProbe();
  }

  /** Back to closed with every count cleared (also ends forced_open and disabled). */
  reset(): void {
    this.#level = 0;
    this.#closedAt = 0;
    this.#move('closed', 'reset');
  }

  /** Refuse every call until reset(). */
  forceOpen(): void {
    if (this.#state !== 'forced_open') this.#move('forced_open', 'forced open');
  }

  /** Take the provider out of rotation until enable(). */
  disable(): void {
    if (this.#state !== 'disabled') this.#move('disabled', 'disabled');
  }

  /**
   * Open until `until` because another process sharing this provider opened it: no trip or
   * cool-down level is counted here. Ignored when the time has passed or the breaker is forced
   * open or disabled.
   */
  openUntil(until: number, reason = 'opened elsewhere'): void {
    const now = this.#clock.now();
    if (until <= now || this.#state === 'forced_open' || this.#state === 'disabled') return;
    this.#openedAt = now;
    this.#openUntil = until;
    this.#move('open', reason);
  }

  /** A disabled breaker returns to closed; any other state is left as it is. */
  enable(): void {
    if (this.#state === 'disabled') this.#move('closed', 'enabled');
  }

  toJSON(): BreakerSnapshot {
    return {
      state: this.#state,
      openedAt: this.#openedAt,
      openUntil: this.#openUntil,
      trips: this.#trips,
      level: this.#level,
      closedAt: this.#closedAt,
      lastCooldownMs: this.#lastCooldownMs,
      consecutive: this.#consecutive,
    };
  }

  #failed(cause: FailureKind | 'slow call'): void {
    if (this.#state === 'half_open') {
      this.#releaseProbe();
      this.#level++;
      this.#open('re-trip', cause);
      return;
    }
    if (this.#state !== 'closed') return;
    this.#consecutive++;
    this.#window.record(this.#clock.now(), true);
    if (this.#consecutive >= this.#o.consecutiveFailures) {
      this.#tripFromClosed(`${this.#consecutive} consecutive failures`, cause);
      return;
    }
    const { calls, failures } = this.#window;
    if (calls >= this.#o.minimumCalls && failures / calls > this.#o.failureRate) {
      this.#tripFromClosed(`failure rate ${Math.round((100 * failures) / calls)}% over ${calls} calls`, cause);
    }
  }

  #tripFromClosed(reason: string, cause: FailureKind | 'slow call'): void {
    const now = this.#clock.now();
    const soon = Math.max(this.#o.windowMs, this.#lastCooldownMs);
    if (this.#closedAt > 0 && now - this.#closedAt <= soon) this.#level++;
    else this.#level = 0;
    this.#open(reason, cause);
  }

  #open(reason: string, cause: FailureKind | 'slow call'): void {
    const now = this.#clock.now();
    const cooldown = this.#cooldown();
    this.#trips++;
    this.#openedAt = now;
    this.#openUntil = now + cooldown;
    this.#lastCooldownMs = cooldown;
    this.#move('open', reason, cause);
  }

  #cooldown(): number {
    const { cooldownMs, maxCooldownMs, jitter } = this.#o;
    const nominal = Math.min(maxCooldownMs, cooldownMs * 2 ** Math.min(this.#level, 52));
    const factor = 1 + jitter * (2 * this.#random.next() - 1);
    return Math.min(maxCooldownMs, Math.max(0, Math.round(nominal * factor)));
  }

  #admitProbe(): boolean {
    if (this.#probesInFlight >= this.#o.halfOpenProbes) return false;
    this.#probesInFlight++;
    if (this.#probesInFlight >= this.#o.halfOpenProbes) this.#setBlocked(Infinity);
    return true;
  }

  #releaseProbe(): void {
    if (this.#probesInFlight > 0) this.#probesInFlight--;
    this.#setBlocked(0);
  }

  #move(to: BreakerState, reason: string, cause?: FailureKind | 'slow call'): void {
    const from = this.#state;
    this.#state = to;
    this.#probesInFlight = 0;
    this.#probeSuccesses = 0;
    this.#consecutive = 0;
    this.#window.clear();
    this.#setBlocked(to === 'open' ? this.#openUntil : to === 'forced_open' || to === 'disabled' ? Infinity : 0);
    if (this.#onTransition) {
      const t: BreakerTransition = { from, to, reason, at: this.#clock.now() };
      if (cause !== undefined) t.cause = cause;
      this.#onTransition(t);
    }
  }

  #setBlocked(until: number): void {
    (this as { blockedUntil: number }).blockedUntil = until;
  }

  #restore(s: BreakerSnapshot): void {
    this.#state = s.state;
    this.#openedAt = s.openedAt;
    this.#openUntil = s.openUntil;
    this.#trips = s.trips;
    this.#level = s.level ?? 0;
    this.#closedAt = s.closedAt ?? 0;
    this.#lastCooldownMs = s.lastCooldownMs ?? 0;
    this.#consecutive = s.state === 'closed' ? (s.consecutive ?? 0) : 0;
    // Probes in flight did not survive the restart: a half-open breaker starts with free slots.
    const blocked = s.state === 'open' ? s.openUntil : s.state === 'forced_open' || s.state === 'disabled' ? Infinity : 0;
    this.#setBlocked(blocked);
  }
}
