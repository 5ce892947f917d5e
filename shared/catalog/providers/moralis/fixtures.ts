import type { FixtureCase } from '../../testing/cases';

/** No real recording of /erc20/metadata found yet. */
export const fixtures = [] as const satisfies readonly FixtureCase[];
