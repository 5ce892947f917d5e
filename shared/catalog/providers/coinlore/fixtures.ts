import type { FixtureCase } from '../../testing/cases';

/** Real recorded responses (tests/fixtures/upstream/INDEX.md) and what they must become. */
export const fixtures = [
  {
    capability: 'price',
    fixture: 'coinlore/api-ticker-id-90.json',
    params: { symbols: ['BTC'] },
    expect: [{ symbol: 'BTC', vs: 'USD', price: 85894.82, change24hPct: 0.73, volume24h: 22872303928.937515, marketCap: 1715392727275.7 }],
  },
] as const satisfies readonly FixtureCase[];
