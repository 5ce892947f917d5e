import type { FixtureCase } from '../../testing/cases';

/** Real recorded responses (tests/fixtures/upstream/INDEX.md) and what they must become. */
export const fixtures = [
  {
    capability: 'ticker',
    fixture: 'bitfinex/v2-ticker-tBTCUST.json',
    params: { pair: 'BTC/USDT' },
    expect: { pair: 'BTC/USDT', last: 73350, bid: 73350, ask: 73351, high24h: 73583, low24h: 68643, baseVolume24h: 2638.4314844, change24hPct: 1.386374 },
  },
  {
    capability: 'trades',
    fixture: 'bitfinex/v2-trades-tBTCUST-hist.json',
    params: { pair: 'BTC/USDT', limit: 1 },
    expect: [{ id: '1560452102', t: 1710327651446, price: 73218, amount: 0.00019983, side: 'buy' }],
  },
  {
    // Rows are [MTS, OPEN, CLOSE, HIGH, LOW, VOLUME]; the recorded candle is from 2019.
    capability: 'ohlcv',
    fixture: 'bitfinex/v2-candles-trade-1h-tBTCUST-hist.json',
    params: { symbol: 'BTC', vs: 'USDT', interval: '1h', limit: 1 },
    expect: [{ t: 1552298400000, o: 3870.1, h: 3890, l: 3870.1, c: 3890, v: 0.05 }],
  },
] as const satisfies readonly FixtureCase[];
