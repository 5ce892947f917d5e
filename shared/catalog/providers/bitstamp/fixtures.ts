import type { FixtureCase } from '../../testing/cases';

/** Real recorded responses (tests/fixtures/upstream/INDEX.md) and what they must become. */
export const fixtures = [
  {
    capability: 'ticker',
    fixture: 'bitstamp/api-v2-ticker-btcusdt.json',
    params: { pair: 'BTC/USDT' },
    expect: { pair: 'BTC/USDT', last: 73285, bid: 73353, ask: 73367, high24h: 73656, low24h: 68626, baseVolume24h: 135.29692054, change24hPct: 1.58, ts: 1710328241000 },
  },
  {
    capability: 'trades',
    fixture: 'bitstamp/api-v2-transactions-btcusdt.json',
    params: { pair: 'BTC/USDT', limit: 1 },
    expect: [{ id: '326595342', t: 1710327533000, price: 73254, amount: 0.00055284, side: 'buy' }],
  },
  {
    capability: 'ohlcv',
    fixture: 'bitstamp/api-v2-ohlc-btcusdt-3600.json',
    params: { symbol: 'BTC', vs: 'USDT', interval: '1h', limit: 1 },
    expect: [{ t: 1710327600000, o: 73241, h: 73293, l: 73240, c: 73285, v: 0.01076655 }],
  },
] as const satisfies readonly FixtureCase[];
