import type { LimitSpec } from './adapter';
import type { Clock } from './ports';
import { readRateHeaders, hasRateHeaders } from './rate-headers';
import { slidingWindow, type UnitWindow } from './sliding-window';

/**
 * One budget per provider per key, for every declared window.
 * - perSecond / perMinute / perHour: sliding windows, exact (a log of the last `limit` unit
 *   times) up to 1024 units and conservative time buckets above; no window of that length,
 *   aligned or not, ever holds more than the declared count.
 * - perDay / perMonth: calendar UTC windows (reset at 00:00 UTC / the 1st), persisted.
 * - learned: budgets from response headers and Retry-After cool-downs. They add constraints,
 *   so they only ever tighten the declared limits, and lapse at their reset.
 * Keys are labels (e.g. the env variable name or a hash), never the secret itself: they are
 * persisted in snapshots.
 */

const DAY_MS = 86_400_000;

export interface CalendarCounter {
  /** Epoch ms at which the window began (00:00 UTC, or the 1st of the month). */
  start: number;
  used: number;
}

export interface LimiterKeySnapshot {
  day?: CalendarCounter;
  month?: CalendarCounter;
  /** Epoch ms until which the key is cooled (429, quota exhausted). */
  coolUntil?: number;
}

export interface LimiterSnapshot {
  v: 1;
  keys: Record<string, LimiterKeySnapshot>;
}

interface Budget {
  remaining: number;
  until: number;
}

interface KeyState {
  readonly windows: readonly UnitWindow[];
  readonly day: CalendarCounter;
  readonly month: CalendarCounter;
  coolUntil: number;
  learned: Map<string, Budget> | undefined;
}

export function utcDayStart(at: number): number {
  return Math.floor(at / DAY_MS) * DAY_MS;
}

export function utcMonthStart(at: number, monthsAhead = 0): number {
  const d = new Date(at);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + monthsAhead, 1);
}

export class RateLimiter {
  /** Increments whenever persisted counters (day, month, cool-downs) change; the router persists snapshot() when it moves. */
  readonly version: number = 0;

  readonly #limits: LimitSpec;
  readonly #clock: Clock;
  readonly #keys = new Map<string, KeyState>();
  /** Smallest declared count, for weights that can never fit. */
  readonly #maxWeight: number;
  /** No declared window or calendar limit: only cool-downs and learned budgets can constrain. */
  readonly #undeclared: boolean;
  // Calendar boundaries cached so the hot path does not build Date objects.
  #dayStart = -Infinity;
  #monthStart = -Infinity;
  #nextMonth = -Infinity;

  constructor(limits: LimitSpec, clock: Clock, snapshot?: LimiterSnapshot) {
    this.#limits = limits;
    this.#clock = clock;
    const declared = [limits.perSecond, limits.perMinute, limits.perHour, limits.perDay, limits.perMonth];
    this.#maxWeight = Math.min(...declared.map((n) => (n === undefined ? Infinity : n)));
    this.#undeclared = declared.every((n) => n === undefined);
    if (snapshot) this.#restore(snapshot);
  }

  /** `now` defaults to the clock; callers that just read it may pass it. */
  waitMs(key: string, weight = 1, now?: number): number {
    if (weight > this.#maxWeight) return Infinity;
    if (this.#undeclared) {
      // Hot path with no declared limits: a key never seen has nothing that could make it wait.
      const s = this.#keys.get(key);
      if (!s || (s.coolUntil === 0 && !s.learned)) return 0;
    }
    now ??= this.#clock.now();
    const s = this.#state(key, now);
    let wait = Math.max(0, s.coolUntil - now);
    for (const w of s.windows) wait = Math.max(wait, w.wait(now, weight));
    const { perDay, perMonth } = this.#limits;
    if (perDay !== undefined && s.day.used + weight > perDay) wait = Math.max(wait, this.#dayStart + DAY_MS - now);
    if (perMonth !== undefined && s.month.used + weight > perMonth) wait = Math.max(wait, this.#nextMonth - now);
    if (s.learned) {
      for (const [label, b] of s.learned) {
        if (b.until <= now) s.learned.delete(label);
        else if (b.remaining < weight) wait = Math.max(wait, b.until - now);
      }
    }
    return wait;
  }

  take(key: string, weight = 1, now?: number): void {
    if (this.#undeclared) {
      // No windows and no calendar counters: only learned budgets are spent.
      const s = this.#keys.get(key);
      if (s?.learned) for (const b of s.learned.values()) b.remaining = Math.max(0, b.remaining - weight);
      return;
    }
    now ??= this.#clock.now();
    const s = this.#state(key, now);
    for (const w of s.windows) w.take(now, weight);
    const { perDay, perMonth } = this.#limits;
    if (perDay !== undefined) s.day.used += weight;
    if (perMonth !== undefined) s.month.used += weight;
    if (perDay !== undefined || perMonth !== undefined) this.#bump();
    if (s.learned) for (const b of s.learned.values()) b.remaining = Math.max(0, b.remaining - weight);
  }

  coolUntil(key: string, until: number): void {
    const s = this.#state(key, this.#clock.now());
    if (until > s.coolUntil) {
      s.coolUntil = until;
      this.#bump();
    }
  }

  learn(key: string, headers: Readonly<Record<string, string>>): void {
    // Most answers carry no rate headers: skip the parsing on the hot path.
    if (!hasRateHeaders(headers)) return;
    const now = this.#clock.now();
    const { retryUntil, budgets } = readRateHeaders(headers, now);
    if (retryUntil !== undefined) this.coolUntil(key, retryUntil);
    if (budgets.length === 0) return;
    const s = this.#state(key, now);
    s.learned ??= new Map();
    // The provider's latest word on a window replaces what it said before about that window.
    for (const b of budgets) s.learned.set(b.label, { remaining: b.remaining, until: b.until });
  }

  remaining(key: string, now?: number): number {
    if (this.#undeclared) {
      const s = this.#keys.get(key);
      if (!s || (s.coolUntil === 0 && !s.learned)) return Infinity;
    }
    now ??= this.#clock.now();
    const s = this.#state(key, now);
    if (s.coolUntil > now) return 0;
    let left = Infinity;
    for (const w of s.windows) left = Math.min(left, w.limit - w.used(now));
    const { perDay, perMonth } = this.#limits;
    if (perDay !== undefined) left = Math.min(left, perDay - s.day.used);
    if (perMonth !== undefined) left = Math.min(left, perMonth - s.month.used);
    if (s.learned) for (const b of s.learned.values()) if (b.until > now) left = Math.min(left, b.remaining);
    return Math.max(0, left);
  }

  snapshot(): LimiterSnapshot {
    const now = this.#clock.now();
    const keys: Record<string, LimiterKeySnapshot> = {};
    const { perDay, perMonth } = this.#limits;
    for (const [key, s] of this.#keys) {
      this.#roll(s, now);
      const k: LimiterKeySnapshot = {};
      if (perDay !== undefined && s.day.used > 0) k.day = { ...s.day };
      if (perMonth !== undefined && s.month.used > 0) k.month = { ...s.month };
      if (s.coolUntil > now) k.coolUntil = s.coolUntil;
      if (k.day || k.month || k.coolUntil !== undefined) keys[key] = k;
    }
    return { v: 1, keys };
  }

  #state(key: string, now: number): KeyState {
    let s = this.#keys.get(key);
    if (!s) {
      s = this.#fresh(now);
      this.#keys.set(key, s);
    } else {
      this.#roll(s, now);
    }
    return s;
  }

  #fresh(now: number): KeyState {
    this.#calendar(now);
    const { perSecond, perMinute, perHour } = this.#limits;
    const windows: UnitWindow[] = [];
    if (perSecond !== undefined) windows.push(slidingWindow(perSecond, 1_000));
    if (perMinute !== undefined) windows.push(slidingWindow(perMinute, 60_000));
    if (perHour !== undefined) windows.push(slidingWindow(perHour, 3_600_000));
    return {
      windows,
      day: { start: this.#dayStart, used: 0 },
      month: { start: this.#monthStart, used: 0 },
      coolUntil: 0,
      learned: undefined,
    };
  }

  /** Reset day/month counters whose calendar window has passed. */
  #roll(s: KeyState, now: number): void {
    this.#calendar(now);
    if (s.day.start !== this.#dayStart) {
      s.day.start = this.#dayStart;
      s.day.used = 0;
    }
    if (s.month.start !== this.#monthStart) {
      s.month.start = this.#monthStart;
      s.month.used = 0;
    }
  }

  #calendar(now: number): void {
    if (now >= this.#dayStart && now < this.#dayStart + DAY_MS && now < this.#nextMonth && now >= this.#monthStart) return;
    this.#dayStart = utcDayStart(now);
    this.#monthStart = utcMonthStart(now);
    this.#nextMonth = utcMonthStart(now, 1);
  }

  #bump(): void {
    (this as { version: number }).version = this.version + 1;
  }

  #restore(snapshot: LimiterSnapshot): void {
    const now = this.#clock.now();
    for (const [key, k] of Object.entries(snapshot.keys)) {
      const s = this.#fresh(now);
      if (k.day && k.day.start === this.#dayStart) s.day.used = k.day.used;
      if (k.month && k.month.start === this.#monthStart) s.month.used = k.month.used;
      if (k.coolUntil !== undefined && k.coolUntil > now) s.coolUntil = k.coolUntil;
      this.#keys.set(key, s);
    }
  }
}
