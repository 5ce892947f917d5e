import type { FixtureCase } from '../../testing/cases';

/** No real recording of /insights/fear-and-greed found yet. */
export const fixtures = [] as const satisfies readonly FixtureCase[];
