import type { FixtureCase } from '../../testing/cases';

/** Real recorded responses (tests/fixtures/upstream/INDEX.md) and what they must become. */
export const fixtures = [
  {
    // fluctuation 0.00516 is a fraction: 0.516 %.
    capability: 'ticker',
    fixture: 'bitmart/spot-quotation-v3-ticker-BTC_USDT.json',
    params: { pair: 'BTC/USDT' },
    expect: { pair: 'BTC/USDT', last: 71257.99, bid: 71257.99, ask: 71258, high24h: 71660, low24h: 70119.89, baseVolume24h: 8222.21532, quoteVolume24h: 583939083.43, ts: 1717737574061 },
  },
  {
    capability: 'trades',
    fixture: 'bitmart/spot-quotation-v3-trades-LTC_USDT.json',
    params: { pair: 'LTC/USDT', limit: 1 },
    expect: [{ id: '1717238257307-83.4299-0.218-sell', t: 1717238257307, price: 83.4299, amount: 0.218, side: 'sell' }],
  },
  {
    capability: 'ohlcv',
    fixture: 'bitmart/spot-quotation-v3-lite-klines-BTC_USDT-60.json',
    params: { symbol: 'BTC', vs: 'USDT', interval: '1h', limit: 1 },
    expect: [{ t: 1710327600000, o: 73259.99, h: 73425.4, l: 73238.69, c: 73425.4, v: 94.52076 }],
  },
] as const satisfies readonly FixtureCase[];
