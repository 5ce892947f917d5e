import type { FixtureCase } from '../../testing/cases';

/** No real recording of this provider exists yet: the adapters follow its documentation (verified: false). */
export const fixtures = [] as const satisfies readonly FixtureCase[];
