import type { FixtureCase } from '../../testing/cases';

/** Real recorded responses (tests/fixtures/upstream/INDEX.md) and what they must become. */
export const fixtures = [
  {
    capability: 'price',
    fixture: 'cryptocompare/data-pricemultifull-ARK.json',
    params: { symbols: ['ARK'], vs: 'USD' },
    expect: [{ symbol: 'ARK', vs: 'USD', price: 1.2219981765, change24hPct: 14.989143413680925, marketCap: 192865161.6011891, ts: 1623255626000 }],
  },
  {
    capability: 'price',
    fixture: 'cryptocompare/data-pricemultifull-ARK.json',
    params: { symbols: ['ARK'], vs: 'EUR' },
    expect: [{ symbol: 'ARK', vs: 'EUR' }],
  },
  {
    capability: 'ohlcv',
    fixture: 'cryptocompare/data-histoday-ARK.json',
    params: { symbol: 'ARK', vs: 'USD', interval: '1d', limit: 50 },
    expect: [
      { t: 1490140800000, o: 0.03085, h: 0.03655, l: 0.02719, c: 0.03424, v: 4150292.84 },
      { t: 1490227200000, o: 0.03424, c: 0.05805 },
    ],
  },
  {
    capability: 'ohlcv',
    fixture: 'cryptocompare/data-histoday-ARK.json',
    // Fewer candles than sent: the newest `limit` are kept, still ascending.
    params: { symbol: 'ARK', vs: 'USD', interval: '1d', limit: 10 },
    expect: [{ t: 1493596800000, o: 0.192, h: 0.2101, l: 0.174, c: 0.1889 }],
  },
  { capability: 'price', fixture: 'cryptocompare/error-no-data-for-symbol.json', params: { symbols: ['BTC'] }, fails: 'upstream_error' },
] as const satisfies readonly FixtureCase[];
