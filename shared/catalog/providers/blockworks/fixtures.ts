import type { FixtureCase } from '../../testing/cases';

/** No real capture of this feed has been found in public material yet. */
export const fixtures = [] as const satisfies readonly FixtureCase[];
