import type { FixtureCase } from '../../testing/cases';

/** No real recording of /api/v3/nfts/{id} has been found yet (see index.ts). */
export const fixtures = [] as const satisfies readonly FixtureCase[];
