import type { FixtureCase } from '../../testing/cases';

/** No real recording of /defi/token_trending found yet. */
export const fixtures = [] as const satisfies readonly FixtureCase[];
