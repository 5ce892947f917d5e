import type { FixtureCase } from '../../testing/cases';

/** Real recorded responses (tests/fixtures/upstream/INDEX.md) and what they must become. */
export const fixtures = [
  {
    capability: 'fear-greed',
    fixture: 'alternative-me/fng-limit-3.json',
    params: { limit: 3 },
    expect: [
      { value: 13, label: 'Extreme Fear', ts: 1772150400000 },
      { value: 11, label: 'Extreme Fear', ts: 1772064000000 },
    ],
  },
] as const satisfies readonly FixtureCase[];
