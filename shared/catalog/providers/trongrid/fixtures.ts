import type { FixtureCase } from '../../testing/cases';

/** No recording yet: the adapters follow the TronGrid / TRON HTTP API docs. */
export const fixtures = [] as const satisfies readonly FixtureCase[];
