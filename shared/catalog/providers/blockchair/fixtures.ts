import type { FixtureCase } from '../../testing/cases';

/** The stats recording (trimmed `context` by its author) proves block height; balance follows the docs. */
export const fixtures = [
  {
    capability: 'block-height',
    fixture: 'blockchair/ethereum-stats.json',
    expect: { chain: 'ethereum', height: 8765929 },
  },
] as const satisfies readonly FixtureCase[];
