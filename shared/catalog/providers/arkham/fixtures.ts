import type { FixtureCase } from '../../testing/cases';

/** No real recording of /transfers found yet (the published collection's example is schema-generated). */
export const fixtures = [] as const satisfies readonly FixtureCase[];
