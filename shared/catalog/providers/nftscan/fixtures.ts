import type { FixtureCase } from '../../testing/cases';

/** No real recording of the collection statistics endpoint found yet. */
export const fixtures = [] as const satisfies readonly FixtureCase[];
