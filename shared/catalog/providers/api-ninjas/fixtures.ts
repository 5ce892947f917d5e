import type { FixtureCase } from '../../testing/cases';

/** No real recording of /v1/sentiment found yet. */
export const fixtures = [] as const satisfies readonly FixtureCase[];
