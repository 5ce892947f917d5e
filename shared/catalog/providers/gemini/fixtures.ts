import type { FixtureCase } from '../../testing/cases';

/** Real recorded responses (tests/fixtures/upstream/INDEX.md) and what they must become. */
export const fixtures = [
  {
    capability: 'ticker',
    fixture: 'gemini/v1-pubticker-btcusdt.json',
    params: { pair: 'BTC/USDT' },
    expect: { pair: 'BTC/USDT', last: 73268.24, bid: 73367.96, ask: 73385.27, baseVolume24h: 3.5434218, quoteVolume24h: 259620.278863632, ts: 1710328245000 },
  },
  {
    capability: 'ticker',
    fixture: 'gemini/v1-pubticker-usdcusd.json',
    params: { pair: 'USDC/USD' },
    expect: { pair: 'USDC/USD', last: 1.00026, bid: 1.00001, baseVolume24h: 2444794.70237, ts: 1712847810000 },
  },
  {
    capability: 'trades',
    fixture: 'gemini/v1-trades-btcusdt.json',
    params: { pair: 'BTC/USDT', limit: 1 },
    expect: [{ id: '2840140831246421', t: 1710325796526, price: 73268.24, amount: 0.00028921, side: 'buy' }],
  },
  {
    capability: 'ohlcv',
    fixture: 'gemini/v2-candles-btcusdt-1hr.json',
    params: { symbol: 'BTC', vs: 'USDT', interval: '1h', limit: 1 },
    expect: [{ t: 1710324000000, o: 73402.61, h: 73402.61, l: 73268.24, c: 73268.24, v: 0.05445598 }],
  },
] as const satisfies readonly FixtureCase[];
