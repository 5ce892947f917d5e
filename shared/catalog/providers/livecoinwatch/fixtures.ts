import type { FixtureCase } from '../../testing/cases';

/** Real recorded responses (tests/fixtures/upstream/INDEX.md) and what they must become. */
export const fixtures = [
  {
    capability: 'price',
    fixture: 'livecoinwatch/coins-map-btc-eth-xrp-meta.json',
    params: { symbols: ['BTC', 'ETH', 'XRP'], vs: 'USD' },
    expect: [
      { symbol: 'BTC', vs: 'USD', price: 120361.96212658589, volume24h: 61836701177, marketCap: 2398597614736 },
      { symbol: 'ETH', price: 4475.328398782301 },
      { symbol: 'XRP', price: 3.030153689463152 },
    ],
  },
] as const satisfies readonly FixtureCase[];
