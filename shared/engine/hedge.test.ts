import { describe, expect, it } from 'vitest';
import { hedged, type Run } from './hedge';
import { FakeClock } from './ports';

interface Result {
  readonly ok: boolean;
  readonly from: string;
}

/** A run that settles after `ms` on the fake clock, or reports itself aborted (never rejects, like the router's attempts). */
function timed(clock: FakeClock, label: string, ms: number, ok = true) {
  const seen: { started: boolean; signal?: AbortSignal } = { started: false };
  const run: Run<Result> = (signal) => {
    seen.started = true;
    seen.signal = signal;
    return new Promise((resolve) => {
      const t = clock.setTimeout(() => resolve({ ok, from: label }), ms);
      signal.addEventListener('abort', () => {
        clock.clearTimeout(t);
        resolve({ ok: false, from: `${label} (aborted)` });
      });
    });
  };
  return { label, run, seen };
}

function harness(clock: FakeClock) {
  const lost: Result[] = [];
  const abandoned: string[] = [];
  let offered = 0;
  return {
    lost,
    abandoned,
    get offered() {
      return offered;
    },
    go(first: ReturnType<typeof timed>, second: ReturnType<typeof timed> | undefined, delayMs: number) {
      let settledAt = -1;
      const p = hedged<Result>(
        first,
        () => {
          offered++;
          return second;
        },
        delayMs,
        clock,
        (r) => lost.push(r),
        (l) => abandoned.push(l),
      ).then((r) => {
        settledAt = clock.now();
        return r;
      });
      return { p, settledAt: () => settledAt };
    },
  };
}

describe('hedged', () => {
  it('returns the first run when it answers before the delay, without starting a second', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const h = harness(clock);
    const a = timed(clock, 'a', 50);
    const b = timed(clock, 'b', 10);
    const { p, settledAt } = h.go(a, b, 100);
    await clock.advance(1_000);
    expect(await p).toEqual({ ok: true, from: 'a' });
    expect(settledAt()).toBe(t0 + 50);
    expect(h.offered).toBe(0);
    expect(b.seen.started).toBe(false);
    expect(h.abandoned).toEqual([]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('after the delay starts the second; the faster success wins and the slower is aborted', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const h = harness(clock);
    const a = timed(clock, 'a', 1_000);
    const b = timed(clock, 'b', 50);
    const { p, settledAt } = h.go(a, b, 100);
    await clock.advance(99);
    expect(b.seen.started).toBe(false);
    await clock.advance(1);
    expect(b.seen.started).toBe(true);
    await clock.advance(2_000);
    expect(await p).toEqual({ ok: true, from: 'b' });
    expect(settledAt()).toBe(t0 + 150);
    expect(a.seen.signal?.aborted).toBe(true);
    expect(b.seen.signal?.aborted).toBe(false);
    expect(h.abandoned).toEqual(['a']);
    expect(h.lost).toEqual([]);
  });

  it('keeps the first when it still beats the hedge, aborting the second', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const h = harness(clock);
    const a = timed(clock, 'a', 120);
    const b = timed(clock, 'b', 500);
    const { p, settledAt } = h.go(a, b, 100);
    await clock.advance(1_000);
    expect(await p).toEqual({ ok: true, from: 'a' });
    expect(settledAt()).toBe(t0 + 120);
    expect(b.seen.signal?.aborted).toBe(true);
    expect(h.abandoned).toEqual(['b']);
  });

  it('hands a failure to onLost while the other run goes on, and returns the other\'s success', async () => {
    const clock = new FakeClock();
    const h = harness(clock);
    const a = timed(clock, 'a', 200, false);
    const b = timed(clock, 'b', 300);
    const { p } = h.go(a, b, 100);
    await clock.advance(1_000);
    expect(await p).toEqual({ ok: true, from: 'b' });
    expect(h.lost).toEqual([{ ok: false, from: 'a' }]);
    expect(h.abandoned).toEqual([]);
  });

  it('hands the hedge\'s failure to onLost and returns the first run\'s later success', async () => {
    const clock = new FakeClock();
    const h = harness(clock);
    const a = timed(clock, 'a', 400);
    const b = timed(clock, 'b', 20, false);
    const { p } = h.go(a, b, 100);
    await clock.advance(1_000);
    expect(await p).toEqual({ ok: true, from: 'a' });
    expect(h.lost).toEqual([{ ok: false, from: 'b' }]);
  });

  it('returns the last failure when both runs fail', async () => {
    const clock = new FakeClock();
    const h = harness(clock);
    const { p } = h.go(timed(clock, 'a', 150, false), timed(clock, 'b', 300, false), 100);
    await clock.advance(1_000);
    expect(await p).toEqual({ ok: false, from: 'b' });
    expect(h.lost).toEqual([{ ok: false, from: 'a' }]);
  });

  it('waits for the first run alone when there is nothing to hedge with', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const h = harness(clock);
    const { p, settledAt } = h.go(timed(clock, 'a', 700), undefined, 100);
    await clock.advance(1_000);
    expect(await p).toEqual({ ok: true, from: 'a' });
    expect(settledAt()).toBe(t0 + 700);
    expect(h.offered).toBe(1);
  });
});
