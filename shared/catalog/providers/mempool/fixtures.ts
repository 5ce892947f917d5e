import type { FixtureCase } from '../../testing/cases';

/** Only the fee estimate has a real recording so far; the address and height adapters follow the docs. */
export const fixtures = [
  {
    capability: 'gas',
    fixture: 'mempool/api-v1-fees-recommended.json',
    params: { chain: 'bitcoin' },
    expect: { chain: 'bitcoin', slow: 11, standard: 11, fast: 13, baseFee: 5, unit: 'sat/vB' },
  },
] as const satisfies readonly FixtureCase[];
