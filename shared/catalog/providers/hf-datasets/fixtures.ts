import type { FixtureCase } from '../../testing/cases';

/** No real recording of these datasets' /rows answers found yet (tests build their own, labelled). */
export const fixtures = [] as const satisfies readonly FixtureCase[];
