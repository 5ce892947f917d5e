import { describe, expect, it } from 'vitest';
import { PoolConfig } from '../engine/pool';
import { seedPools, SEED_POOLS } from './pools';
import { allProviders } from './registry';

describe('seed pools', () => {
  const pools = seedPools(allProviders());

  it('keeps the older system pool names and strategies, and validates', () => {
    for (const p of pools) {
      const seed = SEED_POOLS.find((s) => s.id === p.id);
      expect(seed).toBeDefined();
      expect(p).toMatchObject({ name: seed?.name, strategy: seed?.strategy });
      expect(PoolConfig.safeParse(p).success).toBe(true);
    }
  });

  it('puts the seed members first, then the rest of the category, each once', () => {
    const market = pools.find((p) => p.id === 'primary-market-data');
    expect(market?.members.slice(0, 5).map((m) => m.provider)).toEqual(['coingecko', 'coincap', 'cryptocompare', 'binance', 'coinbase']);
    for (const p of pools) expect(new Set(p.members.map((m) => m.provider)).size).toBe(p.members.length);
  });

  it('names only providers the catalog has', () => {
    const ids = new Set(allProviders().map((p) => p.id));
    for (const p of pools) for (const m of p.members) expect(ids.has(m.provider)).toBe(true);
  });
});
