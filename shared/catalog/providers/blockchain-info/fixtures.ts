import type { FixtureCase } from '../../testing/cases';

/** No recording yet: the adapters follow the Blockchain Data API docs. */
export const fixtures = [] as const satisfies readonly FixtureCase[];
