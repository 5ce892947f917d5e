import type { FixtureCase } from '../../testing/cases';

/** Real recorded responses (tests/fixtures/upstream/INDEX.md) and what they must become. */
export const fixtures = [
  {
    // A one-element list; change_percentage is already in %; no time in the body.
    capability: 'ticker',
    fixture: 'gate/spot-tickers-BTC_USDT.json',
    params: { pair: 'BTC/USDT' },
    expect: { pair: 'BTC/USDT', last: 73373.9, bid: 73364.1, ask: 73364.2, high24h: 73636.3, low24h: 68629.9, baseVolume24h: 3410.0783503636, quoteVolume24h: 243764368.46418, change24hPct: 1.71 },
  },
  {
    capability: 'trades',
    fixture: 'gate/spot-trades-BTC_USDT.json',
    params: { pair: 'BTC/USDT', limit: 1 },
    expect: [{ id: '7835390042', t: 1710327648162, price: 73236.4, amount: 0.0002, side: 'buy' }],
  },
  {
    // Rows are [time, quote volume, close, high, low, open, base volume, closed].
    capability: 'ohlcv',
    fixture: 'gate/spot-candlesticks-BTC_USDT-1h.json',
    params: { symbol: 'BTC', vs: 'USDT', interval: '1h', limit: 1 },
    expect: [{ t: 1710327600000, o: 73236.9, h: 73435.8, l: 73236.3, c: 73408.9, v: 13.53020576 }],
  },
] as const satisfies readonly FixtureCase[];
