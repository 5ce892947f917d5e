import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../engine/breaker';
import { FakeClock, SeededRandom } from '../engine/ports';
import { allDownPeriods, deriveIncidents, IncidentTracker, incidentView, type BreakerEvent } from './incidents';

const T0 = Date.UTC(2026, 0, 1);

/** Transitions of a real breaker driven on a fake clock, named as the engine names them. */
function breakerEvents(provider: string) {
  const clock = new FakeClock(T0);
  const events: BreakerEvent[] = [];
  const breaker = new CircuitBreaker({ consecutiveFailures: 3, cooldownMs: 10_000, jitter: 0, successesToClose: 1 }, clock, new SeededRandom(1), (t) => events.push({ ...t, provider }));
  const fail = () => {
    if (breaker.tryAcquire()) breaker.onFailure('http_5xx');
  };
  const succeed = () => {
    if (breaker.tryAcquire()) breaker.onSuccess(50);
  };
  return { clock, events, breaker, fail, succeed };
}

describe('incidents from breaker transitions', () => {
  it('makes one incident from open to closed, with its start, end, duration and cause', async () => {
    const b = breakerEvents('coingecko');
    b.fail();
    b.fail();
    b.fail(); // opens at T0
    await b.clock.advance(10_000);
    b.succeed(); // half-open probe succeeds: closed at T0 + 10 s
    const incidents = deriveIncidents(b.events);
    expect(incidents).toHaveLength(1);
    const [i] = incidents;
    expect(i).toMatchObject({ provider: 'coingecko', capability: null, startedAt: T0, endedAt: T0 + 10_000, cause: 'http_5xx', reopened: 0 });
    expect(incidentView(i!, T0 + 99_000)).toMatchObject({ durationMs: 10_000, ongoing: false });
  });

  it('keeps a failed probe in the same incident and counts the re-open', async () => {
    const b = breakerEvents('kraken:ticker');
    b.fail();
    b.fail();
    b.fail();
    await b.clock.advance(10_000);
    b.fail(); // probe fails: open again (cool-down doubles to 20 s)
    await b.clock.advance(20_000);
    b.succeed();
    const incidents = deriveIncidents(b.events);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ provider: 'kraken', capability: 'ticker', startedAt: T0, endedAt: T0 + 30_000, reopened: 1 });
  });

  it('reports a breaker still open as an ongoing incident measured up to now', () => {
    const b = breakerEvents('binance');
    b.fail();
    b.fail();
    b.fail();
    const [i] = deriveIncidents(b.events);
    expect(i?.endedAt).toBeNull();
    expect(incidentView(i!, T0 + 5_000)).toMatchObject({ ongoing: true, durationMs: 5_000 });
  });

  it('counts a forced open as a manual incident, ended by a reset; half-open alone starts nothing', () => {
    const events: BreakerEvent[] = [
      { from: 'closed', to: 'forced_open', reason: 'forced open', at: T0, provider: 'etherscan' },
      { from: 'forced_open', to: 'closed', reason: 'reset', at: T0 + 60_000, provider: 'etherscan' },
      { from: 'open', to: 'half_open', reason: 'cool-down over', at: T0 + 70_000, provider: 'etherscan' },
    ];
    const incidents = deriveIncidents(events);
    expect(incidents).toEqual([{ id: `etherscan|*|${T0}`, provider: 'etherscan', capability: null, startedAt: T0, endedAt: T0 + 60_000, cause: 'manual', reason: 'forced open', reopened: 0 }]);
  });

  it('ends an incident seeded from before a restart when its breaker closes', () => {
    const tracker = new IncidentTracker();
    tracker.seed([{ id: 'x', provider: 'coincap', capability: null, startedAt: T0, endedAt: null, cause: 'timeout', reason: 'r', reopened: 2 }]);
    const ended = tracker.apply({ from: 'half_open', to: 'closed', reason: 'probes succeeded', at: T0 + 1_000, provider: 'coincap' });
    expect(ended).toMatchObject({ id: 'x', endedAt: T0 + 1_000, reopened: 2 });
    expect(tracker.openIncidents()).toEqual([]);
  });
});

describe('periods when every member was down', () => {
  const r = (provider: string, start: number, end: number | null) => ({ id: `${provider}${start}`, provider, capability: null, startedAt: start, endedAt: end, cause: null, reason: '', reopened: 0 });

  it('is the overlap of all members incidents, ongoing when all still are', () => {
    const a = [r('a', 0, 100), r('a', 200, null)];
    const b = [r('b', 50, 150), r('b', 250, null)];
    expect(allDownPeriods([a, b], 1_000)).toEqual([
      { start: 50, end: 100, ongoing: false },
      { start: 250, end: 1_000, ongoing: true },
    ]);
  });

  it('is empty when one member never failed', () => {
    expect(allDownPeriods([[r('a', 0, 100)], []], 1_000)).toEqual([]);
  });
});
