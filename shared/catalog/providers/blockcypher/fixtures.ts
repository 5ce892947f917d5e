import type { FixtureCase } from '../../testing/cases';

/** No recording yet: the adapters follow the BlockCypher docs. */
export const fixtures = [] as const satisfies readonly FixtureCase[];
