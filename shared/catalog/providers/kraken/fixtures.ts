import type { FixtureCase } from '../../testing/cases';

/** Real recorded responses (tests/fixtures/upstream/INDEX.md) and what they must become. */
export const fixtures = [
  {
    capability: 'price',
    fixture: 'kraken/public-ticker.json',
    params: { symbols: ['BTC'], vs: 'USDT' },
    expect: [{ symbol: 'BTC', vs: 'USDT', price: 73380.6 }],
  },
  {
    capability: 'ticker',
    fixture: 'kraken/public-ticker.json',
    params: { pair: 'BTC/USDT' },
    expect: { pair: 'BTC/USDT', last: 73380.6, bid: 73380.6, ask: 73380.7, high24h: 73580, low24h: 68666, baseVolume24h: 598.03698452 },
  },
  {
    capability: 'ohlcv',
    fixture: 'kraken/public-ohlc.json',
    params: { symbol: 'BTC', vs: 'USDT', interval: '1h', limit: 3 },
    expect: [
      { t: 1706637600000, o: 43398.3, h: 43500.5, l: 42983.1, c: 43386.6, v: 81.88339686 },
      { t: 1706641200000, c: 43539.7 },
      { t: 1706799600000, c: 42548.5 },
    ],
  },
  {
    // Asked as XBTUSD, answered under the legacy key XXBTZUSD.
    capability: 'orderbook',
    fixture: 'kraken/public-depth-XBTUSD.json',
    params: { pair: 'BTC/USD', depth: 3 },
    expect: {
      pair: 'BTC/USD',
      bids: [[29727, 3.127], [29725.1, 0.085], [29725, 0.586]],
      asks: [[29727.1, 0.42], [29728.3, 5.047], [29728.7, 0.474]],
      ts: 1654302625000,
    },
  },
  {
    capability: 'trades',
    fixture: 'kraken/public-trades.json',
    params: { pair: 'BTC/USDT' },
    expect: [{ id: '6324366', t: 1710327959173, price: 73324.4, amount: 0.010309, side: 'buy' }],
  },
  { capability: 'ticker', fixture: 'kraken/error-unknown-asset-pair.json', params: { pair: 'BTC/XYZ' }, fails: 'unsupported' },
] as const satisfies readonly FixtureCase[];
