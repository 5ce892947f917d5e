import type { FixtureCase } from '../../testing/cases';

/** Real recorded responses (tests/fixtures/upstream/INDEX.md) and what they must become. */
export const fixtures = [
  {
    // priceChangePercent 0.0173 is a fraction: 1.73 %.
    capability: 'ticker',
    fixture: 'mexc/api-v3-ticker-24hr-BTCUSDT.json',
    params: { pair: 'BTC/USDT' },
    expect: { pair: 'BTC/USDT', last: 73397.77, bid: 73369.83, ask: 73369.84, high24h: 73639.99, low24h: 68629.42, baseVolume24h: 7729.258925, change24hPct: 1.73, ts: 1710328251172 },
  },
  {
    capability: 'orderbook',
    fixture: 'mexc/api-v3-depth-BTCUSDT-1.json',
    params: { pair: 'BTC/USDT', depth: 1 },
    expect: { pair: 'BTC/USDT', bids: [[45995.47, 10.337165]], asks: [[45995.48, 13.457322]], ts: 1704908526228 },
  },
  {
    capability: 'trades',
    fixture: 'mexc/api-v3-aggTrades-BTCUSDT.json',
    params: { pair: 'BTC/USDT', limit: 1 },
    expect: [{ id: '1710327661000-73238.7-0.000112-buy', t: 1710327661000, price: 73238.7, amount: 0.000112, side: 'buy' }],
  },
  {
    capability: 'ohlcv',
    fixture: 'mexc/api-v3-klines-BTCUSDT-60m.json',
    params: { symbol: 'BTC', vs: 'USDT', interval: '1h', limit: 1 },
    expect: [{ t: 1710327600000, o: 73260, h: 73442.95, l: 73238.69, c: 73414.21, v: 49.560236 }],
  },
] as const satisfies readonly FixtureCase[];
