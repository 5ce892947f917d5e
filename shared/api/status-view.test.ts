import { describe, expect, it } from 'vitest';
import { Stats } from '../engine/stats';
import { LatencyRollup, percentileOf } from './latency-rollup';
import { uptimeWindow } from './status-view';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 15, 12, 7);
const W24 = { window: '24h', resolution: 'minute', barMs: 15 * 60_000 } as const;
const W30 = { window: '30d', resolution: 'hour', barMs: DAY } as const;
const W1Y = { window: '1y', resolution: 'day', barMs: DAY } as const;

describe('uptime aggregation', () => {
  it('sums calls of several endpoints into 15-minute bars over 24 h and says the uptime', () => {
    const price = new Stats();
    const markets = new Stats();
    for (let i = 0; i < 9; i++) price.recordCall(true, 40, NOW - 60_000);
    price.recordCall(false, 40, NOW - 60_000, 'http_5xx');
    for (let i = 0; i < 10; i++) markets.recordCall(i < 5, 40, NOW - 3 * 3_600_000);
    const w = uptimeWindow([price, markets], W24, NOW);
    // 24 h not aligned to a bar touches 97 bars, the oldest partly.
    expect(w.bars).toHaveLength(97);
    expect(w.total).toBe(20);
    expect(w.ok).toBe(14);
    expect(w.uptime).toBeCloseTo(0.7);
    const last = w.bars.at(-1)!;
    expect(last).toEqual({ t: Math.floor(NOW / W24.barMs) * W24.barMs, ok: 9, total: 10 });
    expect(w.bars.filter((b) => b.total > 0)).toHaveLength(2);
  });

  it('leaves calls older than the window out and reports null with no calls', () => {
    const s = new Stats();
    s.recordCall(false, 10, NOW - 2 * DAY);
    expect(uptimeWindow([s], W24, NOW)).toMatchObject({ uptime: null, total: 0 });
    const month = uptimeWindow([s], W30, NOW);
    expect(month).toMatchObject({ uptime: 0, total: 1 });
    expect(month.bars.length).toBeGreaterThanOrEqual(30);
    expect(uptimeWindow([s], W1Y, NOW)).toMatchObject({ uptime: 0, total: 1 });
    expect(uptimeWindow([], W1Y, NOW).bars.length).toBeGreaterThanOrEqual(365);
  });
});

describe('hourly response time', () => {
  it('gives p50 and p95 per hour within the histogram resolution, merging providers', () => {
    const r = new LatencyRollup();
    for (let i = 1; i <= 100; i++) r.record('a', i * 10, NOW - 3_600_000);
    r.record('b', 5_000, NOW);
    const [first, second] = r.series(['a', 'b'], NOW);
    expect(first!.count).toBe(100);
    expect(first!.p50 / 500).toBeGreaterThan(0.88);
    expect(first!.p50 / 500).toBeLessThan(1.13);
    expect(first!.p95 / 950).toBeGreaterThan(0.88);
    expect(first!.p95 / 950).toBeLessThan(1.13);
    expect(second).toMatchObject({ count: 1 });
    expect(r.series(['a'], NOW)).toHaveLength(1);
  });

  it('survives a snapshot round trip, drops hours past 30 days and ignores a foreign snapshot', () => {
    const r = new LatencyRollup();
    r.record('a', 100, NOW - 31 * DAY);
    r.record('a', 100, NOW);
    const back = LatencyRollup.restore(JSON.parse(JSON.stringify(r.snapshot())));
    expect(back.series(['a'], NOW)).toEqual(r.series(['a'], NOW));
    expect(back.series(['a'], NOW)).toHaveLength(1);
    expect(LatencyRollup.restore({ v: 9 }).series(['a'], NOW)).toEqual([]);
    expect(percentileOf(new Map(), 50)).toBe(0);
  });
});
