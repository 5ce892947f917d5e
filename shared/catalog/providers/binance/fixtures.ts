import type { FixtureCase } from '../../testing/cases';

/** Real recorded responses (tests/fixtures/upstream/INDEX.md) and what they must become. */
export const fixtures = [
  {
    capability: 'price',
    fixture: 'binance/api-v3-ticker-price-BTCUSDT.json',
    params: { symbols: ['BTC'], vs: 'USDT' },
    expect: [{ symbol: 'BTC', vs: 'USDT', price: 60740 }],
  },
  {
    // Canonical USD is served by the USDT pair.
    capability: 'price',
    fixture: 'binance/api-v3-ticker-price-BTCUSDT.json',
    params: { symbols: ['BTC'] },
    expect: [{ symbol: 'BTC', vs: 'USD', price: 60740 }],
  },
  {
    capability: 'ticker',
    fixture: 'binance/api-v3-ticker-24hr-BTCUSDT.json',
    params: { pair: 'BTC/USDT' },
    expect: { pair: 'BTC/USDT', last: 60755.18, bid: 60755.18, ask: 60755.19, change24hPct: -3.003, ts: 1634944401452 },
  },
  {
    capability: 'ohlcv',
    fixture: 'binance/api-v3-klines-BTCUSDT-1m.json',
    params: { symbol: 'BTC', vs: 'USDT', interval: '1m', limit: 10 },
    expect: [{ t: 1634943780000, o: 60685.22, h: 60729.84, l: 60670.9, c: 60719.27, v: 21.63272 }],
  },
  {
    capability: 'orderbook',
    fixture: 'binance/api-v3-depth-BTCUSDT-10.json',
    // depth 1 pins the best level on each side; the whole recorded book still parses.
    params: { pair: 'BTC/USDT', depth: 1 },
    expect: { pair: 'BTC/USDT', bids: [[60650, 0.00213]], asks: [[60650.01, 0.61982]] },
  },
  {
    capability: 'trades',
    fixture: 'binance/api-v3-trades-BTCUSDT.json',
    params: { pair: 'BTC/USDT', limit: 10 },
    expect: [{ id: '1111468882', t: 1634942950067, price: 60654.99, amount: 0.00997, side: 'sell' }],
  },
  { capability: 'price', fixture: 'binance/error-1121-invalid-symbol.json', status: 400, params: { symbols: ['NOTACOIN'] }, fails: 'unsupported' },
] as const satisfies readonly FixtureCase[];
