import type { FixtureCase } from '../../testing/cases';

/** Real recorded responses (tests/fixtures/upstream/INDEX.md) and what they must become. */
export const fixtures = [
  {
    capability: 'price',
    fixture: 'coinpaprika/v1-tickers-btc-bitcoin.json',
    params: { symbols: ['BTC'] },
    expect: [{ symbol: 'BTC', vs: 'USD', price: 85836.8634397365, marketCap: 1724781212941, ts: Date.parse('2026-10-05T09:36:15Z') }],
  },
  {
    capability: 'global',
    fixture: 'coinpaprika/v1-global.json',
    expect: { totalMarketCapUsd: 1371361609584, totalVolumeUsd: 90398828265, dominance: { BTC: 43.45 }, ts: 1681470181000 },
  },
] as const satisfies readonly FixtureCase[];
