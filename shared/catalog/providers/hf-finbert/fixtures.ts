import type { FixtureCase } from '../../testing/cases';

/** No recording of FinBERT's own answer yet: its label set is covered by the family tests. */
export const fixtures = [] as const satisfies readonly FixtureCase[];
