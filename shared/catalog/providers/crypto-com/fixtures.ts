import type { FixtureCase } from '../../testing/cases';

/** Real recorded responses (tests/fixtures/upstream/INDEX.md) and what they must become. */
export const fixtures = [
  {
    // `c` is the 24 h change as a fraction of one.
    capability: 'ticker',
    fixture: 'crypto-com/public-get-tickers-BTC_USDT.json',
    params: { pair: 'BTC/USDT' },
    expect: { pair: 'BTC/USDT', last: 73375.26, bid: 73375.25, ask: 73375.26, high24h: 73632.6, low24h: 68600, baseVolume24h: 6921.5068, change24hPct: 1.71, ts: 1710328243533 },
  },
  {
    capability: 'orderbook',
    fixture: 'crypto-com/public-get-book-BTC_USDT-5.json',
    params: { pair: 'BTC/USDT', depth: 5 },
    expect: {
      pair: 'BTC/USDT',
      bids: [[44238.31, 0.22932], [44236.33, 0.11424], [44236.3, 0.00001], [44233.92, 0.00681], [44233.24, 0.1]],
      asks: [[44238.32, 0.29028], [44239.51, 0.01358], [44239.52, 0.2587], [44240.31, 0.2587], [44240.38, 0.08]],
      ts: 1704713531481,
    },
  },
  {
    // Lowercase sides, oldest first upstream; canonical is newest first.
    capability: 'trades',
    fixture: 'crypto-com/public-get-trades-XRP_USDT.json',
    params: { pair: 'XRP/USDT', limit: 25 },
    expect: [
      { id: '1700184767359775099', t: 1700184767359, price: 0.61778, amount: 95, side: 'buy' },
      { id: '1700184767359775100', t: 1700184767359, price: 0.61778, amount: 100, side: 'buy' },
      { id: '1700184767224977414', t: 1700184767224, price: 0.61778, amount: 100, side: 'buy' },
    ],
  },
  {
    capability: 'ohlcv',
    fixture: 'crypto-com/public-get-candlestick-BTC_USDT-1h.json',
    params: { symbol: 'BTC', vs: 'USDT', interval: '1h', limit: 1 },
    expect: [{ t: 1710327600000, o: 73251.26, h: 73449.06, l: 73235.16, c: 73411.02, v: 49.8762 }],
  },
] as const satisfies readonly FixtureCase[];
