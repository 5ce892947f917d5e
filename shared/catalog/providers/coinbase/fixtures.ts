import type { FixtureCase } from '../../testing/cases';

/** Real recorded responses (tests/fixtures/upstream/INDEX.md) and what they must become. */
export const fixtures = [
  {
    capability: 'price',
    fixture: 'coinbase/v2-prices-BTC-USD-spot.json',
    params: { symbols: ['BTC'], vs: 'USD' },
    expect: [{ symbol: 'BTC', vs: 'USD', price: 85866.185 }],
  },
] as const satisfies readonly FixtureCase[];
