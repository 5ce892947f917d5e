import type { FixtureCase } from '../../testing/cases';

/** No real recording of /v2/collections/{symbol}/stats has been found yet (see index.ts). */
export const fixtures = [] as const satisfies readonly FixtureCase[];
