import type { FixtureCase } from '../../testing/cases';

/** Real recorded responses (tests/fixtures/upstream/INDEX.md) and what they must become. */
export const fixtures = [
  {
    capability: 'price',
    fixture: 'coincap/v2-assets-ids-bitcoin.json',
    params: { symbols: ['BTC'] },
    expect: [{ symbol: 'BTC', vs: 'USD', price: 61728.6194330367734010, change24hPct: -2.5350684458562683, ts: 1618602367803 }],
  },
  {
    capability: 'price',
    fixture: 'coincap/v2-assets-limit-10.json',
    params: { symbols: ['ETH', 'DOGE'] },
    expect: [
      { symbol: 'ETH', price: 4129.8665728728088499 },
      { symbol: 'DOGE', price: 0.2553619284956446 },
    ],
  },
  {
    capability: 'markets',
    fixture: 'coincap/v2-assets-limit-10.json',
    params: { limit: 10 },
    expect: [
      { rank: 1, symbol: 'BTC', name: 'Bitcoin', price: 60310.6888208343493939 },
      { rank: 2, symbol: 'ETH', name: 'Ethereum', marketCap: 487694290607.3243381700760187 },
    ],
  },
] as const satisfies readonly FixtureCase[];
