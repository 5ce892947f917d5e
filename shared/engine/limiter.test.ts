import { describe, it, expect } from 'vitest';
import type { LimitSpec } from './adapter';
import { RateLimiter, type LimiterSnapshot } from './limiter';
import { FakeClock, MemoryStore, SeededRandom } from './ports';

const SECOND = 1_000;
const MINUTE = 60_000;
const HOUR = 3_600_000;

interface Spend {
  at: number;
  weight: number;
}

/** Drive the limiter as a router would: wait while waitMs > 0, then take. */
async function simulate(limits: LimitSpec, seed: number, meanGapMs: number, durationMs = HOUR): Promise<Spend[]> {
  const clock = new FakeClock();
  const random = new SeededRandom(seed);
  const limiter = new RateLimiter(limits, clock);
  const spends: Spend[] = [];
  const end = clock.now() + durationMs;
  while (clock.now() < end) {
    await clock.advance(Math.floor(-Math.log(1 - random.next()) * meanGapMs));
    const weight = random.next() < 0.2 ? 1 + Math.floor(random.next() * 3) : 1;
    for (let wait = limiter.waitMs('k', weight); wait > 0; wait = limiter.waitMs('k', weight)) {
      expect(wait).toBeLessThan(Infinity);
      await clock.advance(wait);
    }
    limiter.take('k', weight);
    spends.push({ at: clock.now(), weight });
  }
  return spends;
}

/** Brute force: the most units any window (t - windowMs, t] ending at a spend holds. */
function busiestWindow(spends: readonly Spend[], windowMs: number): number {
  let max = 0;
  let lo = 0;
  let sum = 0;
  for (const s of spends) {
    sum += s.weight;
    while ((spends[lo]?.at ?? Infinity) <= s.at - windowMs) sum -= spends[lo++]?.weight ?? 0;
    max = Math.max(max, sum);
  }
  return max;
}

describe('RateLimiter', () => {
  it('never lets any window of a declared size hold more than its limit over a simulated hour', async () => {
    const limits = { perSecond: 5, perMinute: 100, perHour: 1500 };
    const spends = await simulate(limits, 11, 150);
    // Arrivals outpace the hourly budget, so the conservative bucket window is pushed to its limit.
    expect(busiestWindow(spends, HOUR)).toBeGreaterThan(1450);
    expect(busiestWindow(spends, SECOND)).toBeLessThanOrEqual(5);
    expect(busiestWindow(spends, MINUTE)).toBeLessThanOrEqual(100);
    expect(busiestWindow(spends, HOUR)).toBeLessThanOrEqual(1500);
    // The exact windows are also used to the full, not merely approximated from below.
    expect(busiestWindow(spends, SECOND)).toBe(5);
    expect(busiestWindow(spends, MINUTE)).toBe(100);
  });

  it('holds a small hourly limit exactly under bursty arrivals', async () => {
    const limits = { perSecond: 3, perMinute: 20, perHour: 250 };
    const spends = await simulate(limits, 5, 40);
    expect(busiestWindow(spends, SECOND)).toBeLessThanOrEqual(3);
    expect(busiestWindow(spends, MINUTE)).toBeLessThanOrEqual(20);
    expect(busiestWindow(spends, HOUR)).toBe(250);
  });

  it('holds a large limit (time buckets, not a log) over sliding windows', async () => {
    const spends = await simulate({ perMinute: 1100 }, 3, 40, 10 * MINUTE);
    const busiest = busiestWindow(spends, MINUTE);
    expect(busiest).toBeLessThanOrEqual(1100);
    expect(busiest).toBeGreaterThan(1050);
  });

  it('keeps keys independent', () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ perMinute: 2 }, clock);
    limiter.take('a');
    limiter.take('a');
    expect(limiter.waitMs('a')).toBe(MINUTE);
    expect(limiter.waitMs('b')).toBe(0);
    expect(limiter.remaining('a')).toBe(0);
    expect(limiter.remaining('b')).toBe(2);
  });

  it('says Infinity for a weight that can never fit', () => {
    const limiter = new RateLimiter({ perSecond: 2, perDay: 100 }, new FakeClock());
    expect(limiter.waitMs('k', 3)).toBe(Infinity);
  });

  it('blocks a cooled key until the given time', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({}, clock);
    limiter.coolUntil('k', clock.now() + 5_000);
    expect(limiter.waitMs('k')).toBe(5_000);
    expect(limiter.remaining('k')).toBe(0);
    await clock.advance(5_000);
    expect(limiter.waitMs('k')).toBe(0);
    expect(limiter.remaining('k')).toBe(Infinity);
  });

  it('blocks until the reset when a response says X-RateLimit-Remaining: 0', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ perMinute: 50 }, clock);
    limiter.learn('k', { 'x-ratelimit-limit': '50', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '20' });
    expect(limiter.waitMs('k')).toBe(20_000);
    await clock.advance(20_000);
    expect(limiter.waitMs('k')).toBe(0);
  });

  it('reads a reset given in epoch seconds', () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({}, clock);
    const reset = String(Math.floor(clock.now() / 1000) + 45);
    limiter.learn('k', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset });
    expect(limiter.waitMs('k')).toBe(45_000);
  });

  it('spends a learned remaining budget as it takes', () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ perMinute: 100 }, clock);
    limiter.learn('k', { 'ratelimit-remaining': '2', 'ratelimit-reset': '30' });
    expect(limiter.remaining('k')).toBe(2);
    limiter.take('k');
    limiter.take('k');
    expect(limiter.waitMs('k')).toBe(30_000);
  });

  it('never loosens a declared limit from what headers say', () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ perSecond: 1 }, clock);
    limiter.take('k');
    limiter.learn('k', { 'x-ratelimit-limit': '1000', 'x-ratelimit-remaining': '999', 'x-ratelimit-reset': '60' });
    expect(limiter.waitMs('k')).toBe(1_000);
  });

  it('learns per-minute remaining counts (Kong style) for one minute', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({}, clock);
    limiter.learn('k', { 'x-ratelimit-remaining-minute': '0', 'x-ratelimit-limit-minute': '30' });
    expect(limiter.waitMs('k')).toBe(MINUTE);
    await clock.advance(MINUTE);
    expect(limiter.waitMs('k')).toBe(0);
  });

  it('tightens to Retry-After', () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ perMinute: 100 }, clock);
    limiter.learn('k', { 'retry-after': '7' });
    expect(limiter.waitMs('k')).toBe(7_000);
    limiter.learn('k', { 'retry-after': '2' }); // a shorter one does not shorten the cool-down
    expect(limiter.waitMs('k')).toBe(7_000);
  });

  it('keeps day and month counters across a restart', async () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 15, 12));
    const limits = { perDay: 10, perMonth: 25 };
    const first = new RateLimiter(limits, clock);
    const before = first.version;
    for (let i = 0; i < 7; i++) first.take('key-1');
    first.take('key-2', 3);
    expect(first.version).toBeGreaterThan(before);

    const store = new MemoryStore();
    await store.set('limits:p', JSON.parse(JSON.stringify(first.snapshot())));
    const saved = await store.get<LimiterSnapshot>('limits:p');
    const second = new RateLimiter(limits, clock, saved);
    expect(second.remaining('key-1')).toBe(3);
    expect(second.remaining('key-2')).toBe(7);
    second.take('key-1', 3);
    expect(second.waitMs('key-1')).toBe(Date.UTC(2026, 0, 16) - clock.now());
  });

  it('resets the day counter at 00:00 UTC, also for counters restored from an earlier day', async () => {
    const clock = new FakeClock(Date.UTC(2026, 2, 3, 23, 59));
    const limits = { perDay: 5 };
    const first = new RateLimiter(limits, clock);
    first.take('k', 5);
    expect(first.waitMs('k')).toBe(MINUTE);
    const snapshot = first.snapshot();
    await clock.advance(MINUTE);
    expect(first.waitMs('k')).toBe(0);
    expect(first.remaining('k')).toBe(5);
    const second = new RateLimiter(limits, clock, snapshot);
    expect(second.remaining('k')).toBe(5);
  });

  it('resets the month counter on the 1st, UTC', async () => {
    const clock = new FakeClock(Date.UTC(2026, 1, 28, 22));
    const limits = { perDay: 100, perMonth: 50 };
    const first = new RateLimiter(limits, clock, {
      v: 1,
      keys: { k: { month: { start: Date.UTC(2026, 1, 1), used: 50 } } },
    });
    expect(first.waitMs('k')).toBe(2 * HOUR);
    expect(first.remaining('k')).toBe(0);
    await clock.advance(2 * HOUR);
    expect(first.waitMs('k')).toBe(0);
    expect(first.remaining('k')).toBe(50);
  });

  it('persists a cool-down but not one that has already passed', async () => {
    const clock = new FakeClock();
    const first = new RateLimiter({}, clock);
    first.coolUntil('k', clock.now() + HOUR);
    const snapshot: LimiterSnapshot = JSON.parse(JSON.stringify(first.snapshot()));
    expect(new RateLimiter({}, clock, snapshot).waitMs('k')).toBe(HOUR);
    await clock.advance(HOUR);
    expect(first.snapshot().keys).toEqual({});
  });

  it('with no declared limits, still honours cool-downs and learned budgets (fast path)', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({}, clock);
    expect(limiter.waitMs('k')).toBe(0);
    expect(limiter.remaining('k')).toBe(Infinity);
    limiter.take('k');
    limiter.coolUntil('k', clock.now() + 5_000);
    expect(limiter.waitMs('k')).toBe(5_000);
    expect(limiter.remaining('k')).toBe(0);
    await clock.advance(5_000);
    expect(limiter.waitMs('k')).toBe(0);
    limiter.learn('other', { 'x-ratelimit-remaining': '1', 'x-ratelimit-reset': '60' });
    expect(limiter.waitMs('other')).toBe(0);
    limiter.take('other');
    expect(limiter.waitMs('other')).toBeGreaterThan(0);
    expect(limiter.remaining('other')).toBe(0);
  });
});
