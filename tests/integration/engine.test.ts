import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { coingecko } from '../../shared/catalog/providers/coingecko';
import { fixtures as coingeckoFixtures } from '../../shared/catalog/providers/coingecko/fixtures';
import { SymbolMap } from '../../shared/catalog/symbols';
import { Engine, fetchTransport, MemoryStore, noSecrets, systemClock, systemRandom, type ProviderSpec } from '../../shared/engine';
import { FAULT_KINDS, type FaultKind } from '../sim/faults';
import { startSimulator, type Simulator } from '../sim/server';

// Three interchangeable providers that answer like CoinGecko (same API, same recordings),
// each behind its own simulated host so faults can hit one and not the others.
const IDS = ['gecko-a', 'gecko-b', 'gecko-c'] as const;
const symbols = new SymbolMap();

let sim: Simulator;
beforeAll(async () => {
  const providers = IDS.map((id) => ({ ...coingecko, id }));
  sim = await startSimulator({ providers, cases: new Map(IDS.map((id) => [id, coingeckoFixtures])), symbolId: (_p, s) => symbols.resolve('coingecko', s) });
});
afterAll(() => sim.close());
afterEach(() => {
  sim.clearFaults();
  sim.resetCounts();
});

function engine(options: { ttlMs?: number; attemptTimeoutMs?: number; strategy?: 'priority' | 'round_robin'; hedge?: boolean } = {}): Engine {
  const providers: ProviderSpec[] = IDS.map((id) => ({ ...coingecko, id, baseUrl: sim.baseUrl(id), limits: {} }));
  return new Engine({
    providers,
    pools: [{ id: 'prices', name: 'Prices', members: IDS.map((provider) => ({ provider })), strategy: options.strategy ?? 'priority', hedge: options.hedge ?? false }],
    ports: { clock: systemClock, random: systemRandom, transport: fetchTransport, store: new MemoryStore(), secrets: noSecrets },
    attemptTimeoutMs: options.attemptTimeoutMs ?? 1_000,
    deadlineMs: 5_000,
    ttls: { price: options.ttlMs ?? 15_000 },
    symbolId: (_provider, s) => symbols.resolve('coingecko', s),
  });
}

/**
 * Faults after which a provider's answer must not be used. The data-quality faults are tested
 * below: `stale`/`future` on an endpoint whose body carries its time, `absurd` by consensus.
 */
const FAILING: readonly FaultKind[] = FAULT_KINDS.filter((k) => !['stale', 'future', 'absurd', 'slow'].includes(k));

describe('engine against the upstream simulator', () => {
  for (const kind of FAILING) {
    it(`answers from a healthy provider when the first fails with ${kind}`, async () => {
      sim.setFault('gecko-a', { kind, retryAfterS: 30 });
      const e = engine();
      const answer = await e.get('price', { symbols: ['BTC'] }, { pool: 'prices' });
      expect(answer.ok).toBe(true);
      if (!answer.ok) return;
      expect(answer.source).toBe('gecko-b');
      expect(answer.data[0]).toMatchObject({ symbol: 'BTC', price: 7984.89 });
      expect(answer.attempts[0]).toMatchObject({ provider: 'gecko-a' });
      expect(answer.attempts[0]?.outcome).not.toBe('ok');
      await e.close();
    });
  }

  it('treats a body slower than the attempt timeout as a timeout and moves on', async () => {
    sim.setFault('gecko-a', { kind: 'slow', delayMs: 1_500 });
    const e = engine({ attemptTimeoutMs: 300 });
    const answer = await e.get('price', { symbols: ['BTC'] }, { pool: 'prices' });
    expect(answer.ok && answer.source).toBe('gecko-b');
    expect(answer.attempts[0]).toMatchObject({ provider: 'gecko-a', outcome: 'timeout' });
  });

  for (const kind of ['stale', 'future'] as const) {
    it(`refuses data with ${kind} timestamps and uses another provider`, async () => {
      // The global endpoint carries its own update time, so a frozen (or clock-broken) feed shows.
      sim.setFault('gecko-a', { kind });
      const answer = await engine().get('global', {}, { pool: 'prices' });
      expect(answer.ok && answer.source).toBe('gecko-b');
      expect(answer.attempts[0]).toMatchObject({ provider: 'gecko-a', outcome: 'sanity' });
    });
  }

  it('with every provider failing, returns the cached answer flagged stale', async () => {
    const e = engine({ ttlMs: 20 });
    const first = await e.get('price', { symbols: ['BTC'] }, { pool: 'prices' });
    expect(first.ok && !first.stale).toBe(true);
    await new Promise((r) => setTimeout(r, 60));
    for (const id of IDS) sim.setFault(id, { kind: 'server_error' });
    const second = await e.get('price', { symbols: ['BTC'] }, { pool: 'prices' });
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    expect(second).toMatchObject({ stale: true, cached: true, source: 'gecko-a' });
    expect(second.data[0]?.price).toBe(7984.89);
    expect(second.attempts.map((a) => a.outcome)).toEqual(['http_5xx', 'http_5xx', 'http_5xx']);
  });

  it('with every provider failing and nothing cached, lists each attempt and its reason', async () => {
    sim.setFault('gecko-a', { kind: 'server_error' });
    sim.setFault('gecko-b', { kind: 'html' });
    sim.setFault('gecko-c', { kind: 'rate_limit', retryAfterS: 120 });
    const answer = await engine().get('price', { symbols: ['BTC'] }, { pool: 'prices' });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.code).toBe('all_failed');
    expect(answer.attempts.map((a) => [a.provider, a.outcome])).toEqual([
      ['gecko-a', 'http_5xx'],
      ['gecko-b', 'not_json'],
      ['gecko-c', 'rate_limited'],
    ]);
    expect(answer.message).toContain('gecko-b: not_json');
  });

  it('makes exactly one upstream call for 1,000 concurrent identical requests', async () => {
    const e = engine();
    const answers = await Promise.all(Array.from({ length: 1_000 }, () => e.get('price', { symbols: ['BTC'] }, { pool: 'prices' })));
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(sim.requests()).toBe(1);
  });

  it('serves a repeated request from the cache without an upstream call', async () => {
    const e = engine();
    await e.get('price', { symbols: ['BTC'] }, { pool: 'prices' });
    const again = await e.get('price', { symbols: ['btc'] }, { pool: 'prices' });
    expect(again).toMatchObject({ ok: true, cached: true, stale: false });
    expect(sim.requests()).toBe(1);
  });

  it('opens the breaker after five consecutive failures and then skips the provider', async () => {
    sim.setFault('gecko-a', { kind: 'server_error' });
    const e = engine();
    for (let i = 0; i < 5; i++) await e.get('price', { symbols: ['BTC'] }, { pool: 'prices', fresh: true });
    expect(e.runtime('gecko-a')?.breaker.state).toBe('open');
    sim.resetCounts();
    const answer = await e.get('price', { symbols: ['BTC'] }, { pool: 'prices', fresh: true });
    expect(answer.ok && answer.source).toBe('gecko-b');
    expect(sim.requests('gecko-a')).toBe(0);
  });

  it('cools a provider that answers 429 until Retry-After without tripping its breaker', async () => {
    sim.setFault('gecko-a', { kind: 'rate_limit', retryAfterS: 60 });
    const e = engine();
    await e.get('price', { symbols: ['BTC'] }, { pool: 'prices', fresh: true });
    sim.resetCounts();
    const answer = await e.get('price', { symbols: ['BTC'] }, { pool: 'prices', fresh: true });
    expect(answer.ok && answer.source).toBe('gecko-b');
    expect(sim.requests('gecko-a')).toBe(0);
    expect(e.runtime('gecko-a')?.breaker.state).toBe('closed');
  });

  it('hedges a slow provider: the next one starts and wins', async () => {
    sim.setFault('gecko-a', { kind: 'slow', delayMs: 3_000 });
    const e = engine({ hedge: true, attemptTimeoutMs: 4_000 });
    const started = Date.now();
    const answer = await e.get('price', { symbols: ['BTC'] }, { pool: 'prices' });
    expect(answer.ok && answer.source).toBe('gecko-b');
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(answer.attempts.find((a) => a.provider === 'gecko-a')?.outcome).toBe('aborted');
  });

  it('finds the median price across providers and demotes one that deviates', async () => {
    sim.setFault('gecko-c', { kind: 'absurd' });
    const e = engine({ strategy: 'round_robin' });
    const outcome = await e.consensus({ symbols: ['BTC'] }, { k: 3 });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.data.quotes[0]?.price).toBe(7984.89);
    expect(outcome.data.outliers).toEqual(['gecko-c']);
    expect(outcome.data.spreads[0]?.spreadPct).toBe(0);
  });
});
