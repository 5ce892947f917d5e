import type { FixtureCase } from '../../testing/cases';

/** Real recorded responses (tests/fixtures/upstream/INDEX.md) and what they must become. */
export const fixtures = [
  {
    capability: 'ticker',
    fixture: 'coinbase-exchange/products-BTC-USDT-ticker.json',
    params: { pair: 'BTC/USDT' },
    expect: { pair: 'BTC/USDT', last: 73367.8, bid: 73360.34, ask: 73369.19, baseVolume24h: 1207.50668151, ts: 1710328241270 },
  },
  {
    // The recorded maker side is `sell`: the taker bought.
    capability: 'trades',
    fixture: 'coinbase-exchange/products-BTC-USDT-trades.json',
    params: { pair: 'BTC/USDT', limit: 1 },
    expect: [{ id: '18502034', t: 1710327617710, price: 73271.63, amount: 0.00007448, side: 'buy' }],
  },
  {
    // A level-2 snapshot of an unnamed product (~0.11 quote units); the shape is what is tested.
    capability: 'orderbook',
    fixture: 'coinbase-exchange/products-book-level2.json',
    params: { pair: 'DOGE/USD', depth: 2 },
    expect: { pair: 'DOGE/USD', bids: [[0.1135, 35], [0.1134, 20606.7]], asks: [[0.1137, 10113.4], [0.1138, 49781.3]] },
  },
  {
    // Row order is [time, low, high, open, close, volume].
    capability: 'ohlcv',
    fixture: 'coinbase-exchange/products-BTC-USDT-candles-1h.json',
    params: { symbol: 'BTC', vs: 'USDT', interval: '1h', limit: 1 },
    expect: [{ t: 1710327600000, o: 73243.33, h: 73402.47, l: 73241.5, c: 73370.65, v: 1.56794406 }],
  },
] as const satisfies readonly FixtureCase[];
