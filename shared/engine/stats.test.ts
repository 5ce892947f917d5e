import { describe, it, expect } from 'vitest';
import { SeededRandom } from './ports';
import { LatencyHistogram, Stats, UptimeRollup, type StatsSnapshot } from './stats';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);

function within5(actual: number, expected: number): void {
  expect(Math.abs(actual - expected) / expected).toBeLessThanOrEqual(0.05);
}

describe('LatencyHistogram', () => {
  it('reports percentiles of a uniform distribution within 5%', () => {
    const h = new LatencyHistogram();
    const random = new SeededRandom(3);
    const samples: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const ms = 10 + random.next() * 1990;
      samples.push(ms);
      h.record(ms);
    }
    samples.sort((a, b) => a - b);
    expect(h.count).toBe(20_000);
    for (const p of [50, 90, 95, 99, 99.9]) {
      within5(h.percentile(p), samples[Math.ceil((p / 100) * samples.length) - 1] ?? NaN);
    }
  });

  it('reports percentiles of a long-tailed distribution within 5%', () => {
    const h = new LatencyHistogram();
    const random = new SeededRandom(9);
    const samples: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const ms = Math.exp(4 + 1.5 * (random.next() + random.next() + random.next() - 1.5));
      samples.push(ms);
      h.record(ms);
    }
    samples.sort((a, b) => a - b);
    for (const p of [50, 95, 99]) within5(h.percentile(p), samples[Math.ceil((p / 100) * samples.length) - 1] ?? NaN);
  });

  it('keeps extremes within what was seen and returns 0 when empty', () => {
    const h = new LatencyHistogram();
    expect(h.percentile(50)).toBe(0);
    h.record(0.3);
    h.record(500_000);
    expect(h.percentile(0)).toBe(0.3);
    expect(h.percentile(100)).toBe(500_000);
  });
});

describe('Stats', () => {
  it('sets the EWMA from the first sample, then blends with alpha', () => {
    const s = new Stats();
    expect(s.ewmaLatencyMs()).toBe(0);
    s.record({ ok: true, latencyMs: 100, at: T0 });
    expect(s.ewmaLatencyMs()).toBe(100);
    s.record({ ok: true, latencyMs: 200, at: T0 });
    expect(s.ewmaLatencyMs()).toBeCloseTo(120, 10);
    s.record({ ok: false, kind: 'timeout', latencyMs: 10_000, at: T0 });
    expect(s.ewmaLatencyMs()).toBeCloseTo(120, 10);
    const fast = new Stats({ ewmaAlpha: 0.5 });
    fast.record({ ok: true, latencyMs: 100, at: T0 });
    fast.record({ ok: true, latencyMs: 200, at: T0 });
    expect(fast.ewmaLatencyMs()).toBe(150);
  });

  it('counts requests, successes and failures by kind', () => {
    const s = new Stats();
    expect(s.successRate()).toBe(1);
    s.record({ ok: true, latencyMs: 50, at: T0 });
    s.record({ ok: false, kind: 'http_5xx', latencyMs: 20, at: T0 + 1 });
    s.record({ ok: false, kind: 'http_5xx', latencyMs: 20, at: T0 + 2 });
    s.record({ ok: false, kind: 'schema', latencyMs: 20, at: T0 + 3 });
    expect(s.requests).toBe(4);
    expect(s.successes).toBe(1);
    expect(s.successRate()).toBe(0.25);
    expect(s.failuresByKind).toEqual({ http_5xx: 2, schema: 1 });
    expect(s.lastError).toEqual({ kind: 'schema', at: T0 + 3 });
    expect(s.lastSuccessAt).toBe(T0);
    expect(s.p50()).toBe(50);
  });

  it('survives a JSON round trip of its snapshot', () => {
    const s = new Stats({ ewmaAlpha: 0.3 });
    const random = new SeededRandom(4);
    for (let i = 0; i < 500; i++) {
      const ok = random.next() < 0.9;
      s.record(ok ? { ok, latencyMs: 50 + random.next() * 500, at: T0 + i * 30_000 } : { ok, kind: 'network', latencyMs: 5, at: T0 + i * 30_000 });
    }
    const restored = Stats.restore(JSON.parse(JSON.stringify(s.snapshot())) as StatsSnapshot);
    expect(restored.snapshot()).toEqual(s.snapshot());
    expect(restored.p95()).toBe(s.p95());
    expect(restored.ewmaLatencyMs()).toBe(s.ewmaLatencyMs());
    const now = T0 + 500 * 30_000;
    expect(restored.uptime.uptime(DAY, now)).toBe(s.uptime.uptime(DAY, now));
    restored.record({ ok: true, latencyMs: 100, at: now });
    expect(restored.ewmaLatencyMs()).toBeCloseTo(0.3 * 100 + 0.7 * s.ewmaLatencyMs(), 10);
  });

  it('restores an empty snapshot as empty', () => {
    const restored = Stats.restore(JSON.parse(JSON.stringify(new Stats().snapshot())) as StatsSnapshot);
    expect(restored.requests).toBe(0);
    expect(restored.ewmaLatencyMs()).toBe(0);
    expect(restored.lastError).toBeUndefined();
    expect(restored.lastSuccessAt).toBeUndefined();
  });
});

describe('UptimeRollup', () => {
  /** A healthy day with one minute of failures at 10:05. */
  function dayWithOneBadMinute(u: UptimeRollup, day: number): void {
    for (let t = day; t < day + DAY; t += MINUTE) {
      const bad = t >= day + 10 * HOUR + 5 * MINUTE && t < day + 10 * HOUR + 6 * MINUTE;
      for (let i = 0; i < 4; i++) u.record(t + i * 15_000, !bad);
    }
  }

  it('shows a minute of failures in the minute, hour and day series', () => {
    const u = new UptimeRollup();
    dayWithOneBadMinute(u, T0);
    const now = T0 + DAY - 1;
    const minutes = u.series('minute', now);
    expect(minutes).toHaveLength(1440);
    expect(minutes.find((p) => p.t === T0 + 10 * HOUR + 5 * MINUTE)).toEqual({ t: T0 + 10 * HOUR + 5 * MINUTE, ok: 0, total: 4 });
    expect(minutes.filter((p) => p.ok < p.total)).toHaveLength(1);
    const hours = u.series('hour', now);
    expect(hours).toHaveLength(720);
    expect(hours.find((p) => p.t === T0 + 10 * HOUR)).toEqual({ t: T0 + 10 * HOUR, ok: 236, total: 240 });
    const days = u.series('day', now);
    expect(days.at(-1)).toEqual({ t: T0, ok: 1440 * 4 - 4, total: 1440 * 4 });
    expect(u.uptime(DAY, now)).toBeCloseTo(1439 / 1440, 10);
    expect(u.uptime(HOUR, T0 + 11 * HOUR - 1)).toBeCloseTo(59 / 60, 10);
    expect(u.uptime(HOUR, T0 + 12 * HOUR - 1)).toBe(1);
  });

  it('lets data older than each ring fall out', () => {
    const u = new UptimeRollup();
    u.record(T0, false);
    u.record(T0 + 2 * DAY, true);
    let now = T0 + 2 * DAY;
    expect(u.series('minute', now).some((p) => p.t === T0)).toBe(false);
    expect(u.series('hour', now).find((p) => p.t === T0)?.total).toBe(1);
    expect(u.uptime(DAY, now)).toBe(1);
    expect(u.uptime(7 * DAY, now)).toBe(0.5);
    now = T0 + 40 * DAY;
    u.record(now, true);
    expect(u.series('hour', now).some((p) => p.total > 0 && p.t < now - 30 * DAY)).toBe(false);
    expect(u.uptime(30 * DAY, now)).toBe(1);
    expect(u.uptime(365 * DAY, now)).toBeCloseTo(2 / 3, 10);
    now = T0 + 410 * DAY;
    expect(u.uptime(365 * DAY, now)).toBeUndefined();
    // A late record for a slot that has since been reused is dropped, not merged.
    u.record(now, true);
    u.record(now - 366 * DAY, false);
    expect(u.series('day', now).reduce((n, p) => n + p.total, 0)).toBe(1);
  });

  it('has no data to report before anything is recorded', () => {
    expect(new UptimeRollup().uptime(HOUR, T0)).toBeUndefined();
  });
});
