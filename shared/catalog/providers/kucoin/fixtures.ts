import type { FixtureCase } from '../../testing/cases';

/** Real recorded responses (tests/fixtures/upstream/INDEX.md) and what they must become. */
export const fixtures = [
  {
    capability: 'ticker',
    fixture: 'kucoin/api-v1-market-stats-BTC-USDT.json',
    params: { pair: 'BTC/USDT' },
    expect: { pair: 'BTC/USDT', last: 67400, bid: 67399.9, ask: 67400, high24h: 67978.8, low24h: 66541.4, baseVolume24h: 6442.17728633, ts: 1709897710012 },
  },
  {
    capability: 'orderbook',
    fixture: 'kucoin/api-v1-market-orderbook-level2_20-BTC-USDT.json',
    params: { pair: 'BTC/USDT', depth: 20 },
    expect: { pair: 'BTC/USDT', bids: [[67539.7, 1.1829567], [67538.5, 0.25229199]], asks: [[67539.8, 1.08883964], [67539.9, 0.0001]], ts: 1709898508055 },
  },
  {
    // Nanosecond time; `side` is the taker's.
    capability: 'trades',
    fixture: 'kucoin/api-v1-market-histories-BTC-USDT.json',
    params: { pair: 'BTC/USDT', limit: 1 },
    expect: [{ id: '7613805866401793', t: 1709897616745, price: 67347.4, amount: 0.0045303, side: 'sell' }],
  },
  {
    // Rows are [time, open, close, high, low, …], newest first upstream.
    capability: 'ohlcv',
    fixture: 'kucoin/api-v1-market-candles-BTC-USDT-1hour.json',
    params: { symbol: 'BTC', vs: 'USDT', interval: '1h', limit: 3 },
    expect: [
      { t: 1706630400000, o: 43383.7, h: 43521.9, l: 43222.8, c: 43501, v: 101.30420492 },
      { t: 1706634000000, c: 43396.4 },
      { t: 1706637600000, o: 43396.4, h: 43491.9, l: 43285.2, c: 43369.4, v: 135.02905655 },
    ],
  },
] as const satisfies readonly FixtureCase[];
