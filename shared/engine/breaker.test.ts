import { describe, it, expect } from 'vitest';
import { CircuitBreaker, DEFAULT_BREAKER, type BreakerOptions, type BreakerTransition } from './breaker';
import { FakeClock, MemoryStore, SeededRandom } from './ports';

function make(options: Partial<BreakerOptions> = {}, seed = 1) {
  const clock = new FakeClock();
  const transitions: BreakerTransition[] = [];
  const breaker = new CircuitBreaker(options, clock, new SeededRandom(seed), (t) => transitions.push(t));
  return { clock, breaker, transitions };
}

function fail(b: CircuitBreaker, n: number): void {
  for (let i = 0; i < n; i++) {
    expect(b.tryAcquire()).toBe(true);
    b.onFailure('timeout');
  }
}

/** Let an open breaker's cool-down pass and take one probe slot. */
async function probe(clock: FakeClock, b: CircuitBreaker): Promise<void> {
  await clock.advance(b.toJSON().openUntil - clock.now());
  expect(b.tryAcquire()).toBe(true);
  expect(b.state).toBe('half_open');
}

describe('CircuitBreaker', () => {
  it('opens after five consecutive failures', () => {
    const { breaker, transitions } = make();
    fail(breaker, 5);
    expect(breaker.state).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);
    expect(transitions).toMatchObject([{ from: 'closed', to: 'open', reason: '5 consecutive failures', cause: 'timeout' }]);
  });

  it('stays closed after four failures, and a success resets the count', () => {
    const { breaker } = make();
    fail(breaker, 4);
    expect(breaker.state).toBe('closed');
    breaker.onSuccess(100);
    fail(breaker, 4);
    expect(breaker.state).toBe('closed');
    expect(breaker.blockedUntil).toBe(0);
  });

  it('applies the failure-rate rule only once the window holds minimumCalls', async () => {
    const { clock, breaker, transitions } = make({ consecutiveFailures: 100 });
    // 9 calls, 6 failing (67%), interleaved with successes: below the minimum, no trip.
    for (const ok of [false, true, false, false, true, false, true, false, false]) {
      breaker.tryAcquire();
      if (ok) breaker.onSuccess(50);
      else breaker.onFailure('http_5xx');
      await clock.advance(1000);
    }
    expect(breaker.state).toBe('closed');
    // The tenth call brings it to the minimum: 7/10 failures > 50%.
    breaker.onFailure('http_5xx');
    expect(breaker.state).toBe('open');
    expect(transitions[0]?.reason).toBe('failure rate 70% over 10 calls');
  });

  it('does not trip at exactly the configured rate', () => {
    const { breaker } = make({ consecutiveFailures: 100 });
    for (let i = 0; i < 10; i++) {
      if (i % 2) breaker.onSuccess(10);
      else breaker.onFailure('network');
    }
    expect(breaker.state).toBe('closed');
  });

  it('lets old calls leave the window', async () => {
    const { clock, breaker } = make({ consecutiveFailures: 100 });
    for (let i = 0; i < 8; i++) breaker.onFailure('network');
    await clock.advance(DEFAULT_BREAKER.windowMs);
    // Were the 8 old failures still counted, 3 more would make 11/13 failing.
    breaker.onSuccess(10);
    breaker.onFailure('network');
    breaker.onFailure('network');
    for (let i = 0; i < 7; i++) breaker.onSuccess(10);
    expect(breaker.state).toBe('closed');
    for (let i = 0; i < 2; i++) breaker.onFailure('network');
    expect(breaker.state).toBe('closed'); // 4/12 in the window
  });

  it('counts slow successes as failures', () => {
    const { breaker, transitions } = make();
    for (let i = 0; i < 5; i++) breaker.onSuccess(DEFAULT_BREAKER.slowCallMs + 1);
    expect(breaker.state).toBe('open');
    expect(transitions[0]?.cause).toBe('slow call');
  });

  it('admits only the configured probes while half-open and closes after enough successes', async () => {
    const { clock, breaker, transitions } = make();
    fail(breaker, 5);
    await probe(clock, breaker);
    expect(breaker.tryAcquire()).toBe(false);
    expect(breaker.blockedUntil).toBe(Infinity);
    breaker.onSuccess(100);
    expect(breaker.state).toBe('half_open');
    expect(breaker.blockedUntil).toBe(0);
    expect(breaker.tryAcquire()).toBe(true);
    breaker.onSuccess(100);
    expect(breaker.state).toBe('closed');
    expect(transitions.map((t) => t.to)).toEqual(['open', 'half_open', 'closed']);
  });

  it('admits several probes when configured', async () => {
    const { clock, breaker } = make({ halfOpenProbes: 2 });
    fail(breaker, 5);
    await probe(clock, breaker);
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false);
  });

  it('frees a probe slot on a neutral outcome without counting it', async () => {
    const { clock, breaker } = make();
    fail(breaker, 5);
    await probe(clock, breaker);
    breaker.onNeutral();
    expect(breaker.state).toBe('half_open');
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('stays open until its cool-down ends and reports when it becomes callable', async () => {
    const { clock, breaker } = make({ jitter: 0 });
    fail(breaker, 5);
    expect(breaker.blockedUntil).toBe(clock.now() + 30_000);
    await clock.advance(29_999);
    expect(breaker.tryAcquire()).toBe(false);
    await clock.advance(1);
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('re-opens with a longer cool-down on a failure while half-open', async () => {
    const { clock, breaker, transitions } = make({ jitter: 0 });
    fail(breaker, 5);
    await probe(clock, breaker);
    breaker.onFailure('timeout');
    expect(breaker.state).toBe('open');
    expect(transitions.at(-1)).toMatchObject({ from: 'half_open', to: 'open', reason: 're-trip' });
    expect(breaker.blockedUntil - clock.now()).toBe(60_000);
  });

  it('doubles the cool-down on each re-trip and stops at its cap, jitter included', async () => {
    const { cooldownMs, maxCooldownMs, jitter } = DEFAULT_BREAKER;
    const { clock, breaker } = make({}, 7);
    fail(breaker, 5);
    const seen: number[] = [];
    for (let i = 0; i < 8; i++) {
      seen.push(breaker.blockedUntil - clock.now());
      await probe(clock, breaker);
      breaker.onFailure('http_5xx');
    }
    seen.forEach((ms, level) => {
      const nominal = Math.min(maxCooldownMs, cooldownMs * 2 ** level);
      expect(ms).toBeGreaterThanOrEqual(Math.floor(nominal * (1 - jitter)));
      expect(ms).toBeLessThanOrEqual(Math.min(maxCooldownMs, Math.ceil(nominal * (1 + jitter))));
    });
    // From level 5 on (30 s * 32 > 600 s) it sits in [cap*(1-j), cap].
    expect(seen.slice(5).every((ms) => ms <= maxCooldownMs && ms >= maxCooldownMs * (1 - jitter))).toBe(true);
  });

  it('escalates when it trips soon after closing, and starts over when it trips much later', async () => {
    const { clock, breaker } = make({ jitter: 0 });
    fail(breaker, 5);
    await probe(clock, breaker);
    breaker.onSuccess(10);
    breaker.tryAcquire();
    breaker.onSuccess(10);
    expect(breaker.state).toBe('closed');
    fail(breaker, 5);
    expect(breaker.blockedUntil - clock.now()).toBe(60_000);
    await probe(clock, breaker);
    breaker.onSuccess(10);
    breaker.tryAcquire();
    breaker.onSuccess(10);
    await clock.advance(3_600_000);
    fail(breaker, 5);
    expect(breaker.blockedUntil - clock.now()).toBe(30_000);
  });

  it('refuses calls when forced open until reset', () => {
    const { breaker, transitions } = make();
    breaker.forceOpen();
    expect(breaker.state).toBe('forced_open');
    expect(breaker.tryAcquire()).toBe(false);
    expect(breaker.blockedUntil).toBe(Infinity);
    breaker.onSuccess(10);
    expect(breaker.tryAcquire()).toBe(false);
    breaker.reset();
    expect(breaker.state).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
    expect(transitions.map((t) => t.reason)).toEqual(['forced open', 'reset']);
  });

  it('resets an open breaker to closed with counts cleared', () => {
    const { breaker } = make();
    fail(breaker, 5);
    breaker.reset();
    expect(breaker.blockedUntil).toBe(0);
    fail(breaker, 4);
    expect(breaker.state).toBe('closed');
  });

  it('refuses calls while disabled and accepts them again once enabled', () => {
    const { breaker } = make();
    breaker.disable();
    expect(breaker.state).toBe('disabled');
    expect(breaker.tryAcquire()).toBe(false);
    expect(breaker.blockedUntil).toBe(Infinity);
    breaker.enable();
    expect(breaker.state).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('keeps an open breaker open across a restart until its openUntil', async () => {
    const { clock, breaker } = make();
    fail(breaker, 5);
    const store = new MemoryStore();
    await store.set('breaker:p', JSON.parse(JSON.stringify(breaker.toJSON())));
    const saved = await store.get<ReturnType<CircuitBreaker['toJSON']>>('breaker:p');
    const restored = new CircuitBreaker({}, clock, new SeededRandom(2), undefined, saved);
    expect(restored.state).toBe('open');
    expect(restored.blockedUntil).toBe(breaker.toJSON().openUntil);
    expect(restored.toJSON()).toEqual(breaker.toJSON());
    await clock.advance(restored.blockedUntil - clock.now() - 1);
    expect(restored.tryAcquire()).toBe(false);
    await clock.advance(1);
    expect(restored.tryAcquire()).toBe(true);
    expect(restored.state).toBe('half_open');
  });

  it('restores a half-open breaker with its probe slots free', async () => {
    const { clock, breaker } = make();
    fail(breaker, 5);
    await probe(clock, breaker);
    const restored = new CircuitBreaker({}, clock, new SeededRandom(2), undefined, breaker.toJSON());
    expect(restored.state).toBe('half_open');
    expect(restored.tryAcquire()).toBe(true);
  });

  it('restores forced-open and disabled states', () => {
    const { clock, breaker } = make();
    breaker.forceOpen();
    const forced = new CircuitBreaker({}, clock, new SeededRandom(), undefined, breaker.toJSON());
    expect(forced.tryAcquire()).toBe(false);
    breaker.disable();
    const disabled = new CircuitBreaker({}, clock, new SeededRandom(), undefined, breaker.toJSON());
    expect(disabled.state).toBe('disabled');
    expect(disabled.blockedUntil).toBe(Infinity);
  });
});
