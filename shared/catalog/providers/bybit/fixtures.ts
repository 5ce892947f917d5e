import type { FixtureCase } from '../../testing/cases';

/** Real recorded responses (tests/fixtures/upstream/INDEX.md) and what they must become. */
export const fixtures = [
  {
    // price24hPcnt 0.0099 is a fraction: 0.99 %.
    capability: 'ticker',
    fixture: 'bybit/v5-market-tickers-spot-BTCUSDT.json',
    params: { pair: 'BTC/USDT' },
    expect: { pair: 'BTC/USDT', last: 85766.8, bid: 85766.7, ask: 85766.8, high24h: 86996.9, low24h: 84875.3, baseVolume24h: 4002.208824, ts: 1791179111237 },
  },
] as const satisfies readonly FixtureCase[];
