import type { FixtureCase } from '../../testing/cases';

/** Real recorded responses (tests/fixtures/upstream/INDEX.md) and what they must become. */
export const fixtures = [
  {
    capability: 'markets',
    fixture: 'coinmarketcap/v1-cryptocurrency-listings-latest.json',
    params: { vs: 'USD', limit: 14 },
    expect: [
      { rank: 1, symbol: 'BTC', name: 'Bitcoin', price: 38012.17476016029, marketCap: 720082188106.4556, volume24h: 17121455404.06376, change24hPct: 0.74837533 },
      { rank: 2, symbol: 'ETH', name: 'Ethereum', price: 2588.8222021578254 },
    ],
  },
  {
    capability: 'global',
    fixture: 'coinmarketcap/v1-global-metrics-quotes-latest.json',
    expect: {
      totalMarketCapUsd: 1939416192105.152,
      totalVolumeUsd: 103678071089.66,
      dominance: { BTC: 44.897494474523, ETH: 19.378133207236 },
      ts: Date.parse('2021-08-13T14:44:11.999Z'),
    },
  },
] as const satisfies readonly FixtureCase[];
