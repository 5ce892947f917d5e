import { describe, expect, it } from 'vitest';
import { DEFAULT_TTL_MS, ResponseCache, ttlFor, type CacheEntry } from './cache';

const T0 = 1_000_000;
const TTL = 10_000;

/** An entry fetched at `at`: fresh for TTL, then served while revalidating for another TTL (as the router stores it). */
const entry = <T>(value: T, at = T0, source = 'p'): CacheEntry<T> => ({ value, source, at, expiresAt: at + TTL, revalidateUntil: at + 2 * TTL });

describe('ResponseCache', () => {
  it('keeps least-recently-used order when the newest key is written again', () => {
    const cache = new ResponseCache({ maxEntries: 2 });
    cache.set('a', entry(1));
    cache.set('b', entry(2));
    cache.set('b', entry(3)); // already the newest: stays last
    cache.set('c', entry(4)); // evicts a
    expect(cache.keys()).toEqual(['b', 'c']);
    expect(cache.lookup('b', T0).state).toBe('fresh'); // b becomes the newest
    cache.set('c', entry(5)); // c moves back to the end
    cache.set('d', entry(6)); // evicts b
    expect(cache.keys()).toEqual(['c', 'd']);
    cache.invalidate('d');
    cache.set('d', entry(7));
    cache.set('e', entry(8));
    expect(cache.keys()).toEqual(['d', 'e']);
  });

  it('reports fresh, then revalidate, then stale, then miss as time passes', () => {
    const cache = new ResponseCache({ staleForMs: 60_000 });
    cache.set('price:btc', entry(1));
    expect(cache.lookup('price:btc', T0).state).toBe('fresh');
    expect(cache.lookup('price:btc', T0 + TTL - 1).state).toBe('fresh');
    expect(cache.lookup('price:btc', T0 + TTL).state).toBe('revalidate');
    expect(cache.lookup('price:btc', T0 + 2 * TTL - 1).state).toBe('revalidate');
    expect(cache.lookup('price:btc', T0 + 2 * TTL).state).toBe('stale');
    expect(cache.lookup('price:btc', T0 + TTL + 60_000 - 1).state).toBe('stale');
    expect(cache.lookup('price:btc', T0 + TTL + 60_000).state).toBe('miss');
    // A miss past the stale window drops the entry.
    expect(cache.size).toBe(0);
  });

  it('returns the stored entry with its source and fetch time', () => {
    const cache = new ResponseCache();
    cache.set('k', entry({ price: 5 }, T0, 'coingecko'));
    const hit = cache.lookup<{ price: number }>('k', T0 + 1);
    expect(hit).toMatchObject({ state: 'fresh', entry: { value: { price: 5 }, source: 'coingecko', at: T0 } });
  });

  it('serves an expired entry to peek (stale-if-error) only within the stale window', () => {
    const cache = new ResponseCache({ staleForMs: 1_000 });
    cache.set('k', entry('v'));
    expect(cache.peek('k', T0 + TTL + 999)?.value).toBe('v');
    expect(cache.peek('k', T0 + TTL + 1_000)).toBeUndefined();
  });

  it('keeps at most maxEntries and evicts the least recently used', () => {
    const cache = new ResponseCache({ maxEntries: 3 });
    cache.set('a', entry('a'));
    cache.set('b', entry('b'));
    cache.set('c', entry('c'));
    // Reading 'a' makes 'b' the least recently used.
    expect(cache.lookup('a', T0).state).toBe('fresh');
    cache.set('d', entry('d'));
    expect(cache.size).toBe(3);
    expect(cache.keys()).toEqual(['c', 'a', 'd']);
    expect(cache.lookup('b', T0).state).toBe('miss');
  });

  it('refreshes recency when a key is written again', () => {
    const cache = new ResponseCache({ maxEntries: 2 });
    cache.set('a', entry(1));
    cache.set('b', entry(2));
    cache.set('a', entry(3));
    cache.set('c', entry(4));
    expect(cache.keys()).toEqual(['a', 'c']);
    expect(cache.lookup<number>('a', T0)).toMatchObject({ entry: { value: 3 } });
  });

  it('invalidates every key that starts with a prefix and nothing else', () => {
    const cache = new ResponseCache();
    for (const k of ['price:{"symbols":["BTC"]}', 'price:{"symbols":["ETH"]}', 'markets:{}', 'prices-extra']) cache.set(k, entry(k));
    expect(cache.invalidate('price:')).toBe(2);
    expect(cache.keys()).toEqual(['markets:{}', 'prices-extra']);
    expect(cache.invalidate()).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('counts hits, misses and stale hits; peek counts nothing', () => {
    const cache = new ResponseCache({ staleForMs: 60_000 });
    cache.lookup('none', T0);
    cache.set('k', entry(1));
    cache.lookup('k', T0);
    cache.lookup('k', T0 + TTL);
    cache.lookup('k', T0 + 3 * TTL);
    cache.peek('k', T0);
    cache.peek('none', T0);
    expect(cache.counters()).toEqual({ hits: 2, misses: 1, staleHits: 1, size: 1 });
  });
});

describe('ttlFor', () => {
  it('keeps an OHLCV answer for one candle of its interval, at most an hour', () => {
    expect(ttlFor('ohlcv', { interval: '1m' })).toBe(60_000);
    expect(ttlFor('ohlcv', { interval: '5m' })).toBe(300_000);
    expect(ttlFor('ohlcv', { interval: '15m' })).toBe(900_000);
    expect(ttlFor('ohlcv', { interval: '1h' })).toBe(3_600_000);
    expect(ttlFor('ohlcv', { interval: '1d' })).toBe(3_600_000);
    expect(ttlFor('ohlcv', { interval: '1w' })).toBe(3_600_000);
  });

  it('falls back to the OHLCV default for a missing or unknown interval', () => {
    expect(ttlFor('ohlcv', {})).toBe(DEFAULT_TTL_MS.ohlcv);
    expect(ttlFor('ohlcv', { interval: '7m' })).toBe(DEFAULT_TTL_MS.ohlcv);
    expect(ttlFor('ohlcv', { interval: 'toString' })).toBe(DEFAULT_TTL_MS.ohlcv);
  });

  it('uses the per-kind TTL for everything else, overridable', () => {
    expect(ttlFor('price', { symbols: ['BTC'] })).toBe(15_000);
    expect(ttlFor('fear-greed', {})).toBe(60 * 60_000);
    expect(ttlFor('price', {}, { ...DEFAULT_TTL_MS, price: 1_234 })).toBe(1_234);
  });
});
