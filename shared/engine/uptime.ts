/**
 * Uptime rolled up at three resolutions, each a fixed ring of UTC-aligned buckets keyed by
 * bucket start: minutes for 24 h, hours for 30 days, days for a year. Recording is O(1) and
 * allocation-free; data older than a ring's span falls out as its slot is reused.
 */

export type UptimeResolution = 'minute' | 'hour' | 'day';

export interface UptimePoint {
  /** Bucket start, epoch ms (UTC-aligned). */
  t: number;
  ok: number;
  total: number;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Bucket size and slot count of each ring. */
export const UPTIME_RINGS = {
  minute: { ms: MINUTE, slots: 1440 },
  hour: { ms: HOUR, slots: 720 },
  day: { ms: DAY, slots: 366 },
} as const satisfies Record<UptimeResolution, { ms: number; slots: number }>;

/** Sparse [bucket start, ok, total] triples per resolution. */
export type UptimeSnapshot = Record<UptimeResolution, Array<[number, number, number]>>;

class Ring {
  readonly ms: number;
  readonly slots: number;
  readonly start: Float64Array;
  readonly ok: Float64Array;
  readonly total: Float64Array;

  constructor(ms: number, slots: number) {
    this.ms = ms;
    this.slots = slots;
    this.start = new Float64Array(slots).fill(-1);
    this.ok = new Float64Array(slots);
    this.total = new Float64Array(slots);
  }

  add(at: number, ok: number, total: number): void {
    const b = Math.floor(at / this.ms);
    const slot = b % this.slots;
    const start = b * this.ms;
    const held = this.start[slot] ?? -1;
    if (held > start) return; // older than this ring keeps
    if (held !== start) {
      this.start[slot] = start;
      this.ok[slot] = 0;
      this.total[slot] = 0;
    }
    this.ok[slot] = (this.ok[slot] ?? 0) + ok;
    this.total[slot] = (this.total[slot] ?? 0) + total;
  }

  /** Calls fn for each bucket start in [from, to] (aligned) with its counts (0 when empty). */
  each(from: number, to: number, fn: (t: number, ok: number, total: number) => void): void {
    for (let t = Math.floor(from / this.ms) * this.ms; t <= to; t += this.ms) {
      const slot = Math.floor(t / this.ms) % this.slots;
      if (this.start[slot] === t) fn(t, this.ok[slot] ?? 0, this.total[slot] ?? 0);
      else fn(t, 0, 0);
    }
  }
}

export class UptimeRollup {
  readonly #rings: Record<UptimeResolution, Ring> = {
    minute: new Ring(UPTIME_RINGS.minute.ms, UPTIME_RINGS.minute.slots),
    hour: new Ring(UPTIME_RINGS.hour.ms, UPTIME_RINGS.hour.slots),
    day: new Ring(UPTIME_RINGS.day.ms, UPTIME_RINGS.day.slots),
  };

  record(at: number, ok: boolean): void {
    const o = ok ? 1 : 0;
    this.#rings.minute.add(at, o, 1);
    this.#rings.hour.add(at, o, 1);
    this.#rings.day.add(at, o, 1);
  }

  /** One point per bucket over the ring's span ending at `now`, oldest first; empty buckets have total 0. */
  series(resolution: UptimeResolution, now: number): UptimePoint[] {
    const ring = this.#rings[resolution];
    const out: UptimePoint[] = [];
    const last = Math.floor(now / ring.ms) * ring.ms;
    ring.each(last - (ring.slots - 1) * ring.ms, last, (t, ok, total) => out.push({ t, ok, total }));
    return out;
  }

  /**
   * Fraction of successful calls (0..1) over the buckets that overlap (now - windowMs, now],
   * read from the finest ring that spans the window; undefined when there is no data.
   */
  uptime(windowMs: number, now: number): number | undefined {
    const res: UptimeResolution = windowMs <= 24 * HOUR ? 'minute' : windowMs <= 30 * DAY ? 'hour' : 'day';
    const ring = this.#rings[res];
    const from = Math.max(now - windowMs + 1, now - (ring.slots - 1) * ring.ms);
    let ok = 0;
    let total = 0;
    ring.each(from, now, (_t, o, n) => {
      ok += o;
      total += n;
    });
    return total === 0 ? undefined : ok / total;
  }

  snapshot(): UptimeSnapshot {
    const out: UptimeSnapshot = { minute: [], hour: [], day: [] };
    for (const res of ['minute', 'hour', 'day'] as const) {
      const r = this.#rings[res];
      for (let i = 0; i < r.slots; i++) {
        const total = r.total[i] ?? 0;
        if (total > 0) out[res].push([r.start[i] ?? 0, r.ok[i] ?? 0, total]);
      }
      out[res].sort((a, b) => a[0] - b[0]);
    }
    return out;
  }

  static restore(s: UptimeSnapshot): UptimeRollup {
    const u = new UptimeRollup();
    for (const res of ['minute', 'hour', 'day'] as const) {
      for (const [t, ok, total] of s[res] ?? []) u.#rings[res].add(t, ok, total);
    }
    return u;
  }
}
