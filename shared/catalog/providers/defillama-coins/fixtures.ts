import type { FixtureCase } from '../../testing/cases';

/** Real recorded responses (tests/fixtures/upstream/INDEX.md) and what they must become. */
export const fixtures = [
  {
    capability: 'price',
    fixture: 'defillama/coins-prices-current.json',
    params: { symbols: ['LINK', 'ARB'] },
    expect: [
      { symbol: 'LINK', vs: 'USD', price: 19.83, ts: 1753079333000 },
      { symbol: 'ARB', vs: 'USD', price: 0.495782, ts: 1753079344000 },
    ],
  },
] as const satisfies readonly FixtureCase[];
