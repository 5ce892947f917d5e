import type { FixtureCase } from '../../testing/cases';

/** Real recorded responses (tests/fixtures/upstream/INDEX.md) and what they must become. */
export const fixtures = [
  {
    capability: 'markets',
    fixture: 'coinstats/coins-limit-10.json',
    params: { vs: 'USD', limit: 10 },
    expect: [
      { rank: 1, symbol: 'BTC', name: 'Bitcoin', price: 60273.553259741086, marketCap: 1189706517339.7363, volume24h: 14829586581.70912, change24hPct: -0.64 },
      { rank: 2, symbol: 'ETH', name: 'Ethereum', change24hPct: 0 },
      { rank: 3, symbol: 'USDT', name: 'Tether' },
    ],
  },
] as const satisfies readonly FixtureCase[];
