import type { FixtureCase } from '../../testing/cases';

/** Real recorded responses (tests/fixtures/upstream/INDEX.md) and what they must become. */
export const fixtures = [
  {
    capability: 'price',
    fixture: 'coingecko/simple-price-bitcoin-usd.json',
    params: { symbols: ['BTC'] },
    expect: [{ symbol: 'BTC', vs: 'USD', price: 7984.89 }],
  },
  {
    capability: 'price',
    fixture: 'coingecko/simple-price-multi-usd.json',
    params: { symbols: ['BNB', 'BTC', 'AVAX'] },
    expect: [{ symbol: 'BNB', price: 594.59 }, { symbol: 'BTC', price: 88927 }, { symbol: 'AVAX', price: 21.14 }],
  },
  {
    // Recorded 2022-02-23, when CoinGecko briefly ranked TICOEX Token first (its glitch, kept as sent).
    capability: 'markets',
    fixture: 'coingecko/coins-markets-usd.json',
    params: { limit: 100 },
    expect: [
      { rank: 1, symbol: 'TICO', name: 'TICOEX Token', price: 0.00136138, marketCap: 3333370870735 },
      { rank: 2, symbol: 'BTC', name: 'Bitcoin' },
      { rank: 3, symbol: 'ETH', name: 'Ethereum', price: 2726.53, marketCap: 326278354132 },
    ],
  },
  {
    capability: 'global',
    fixture: 'coingecko/global.json',
    expect: { totalMarketCapUsd: 956544304459.7476 },
  },
  {
    capability: 'trending',
    fixture: 'coingecko/search-trending.json',
    expect: [{ symbol: 'IBAT', name: 'Battle Infinity', rank: 903 }],
  },
  { capability: 'price', fixture: 'coingecko/error-429-rate-limit.json', status: 429, params: { symbols: ['ETH'] }, fails: 'rate_limited' },
] as const satisfies readonly FixtureCase[];
