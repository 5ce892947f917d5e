import type { FixtureCase } from '../../testing/cases';

/** No real recording yet: the adapter follows the documentation (see index.ts). */
export const fixtures = [] as const satisfies readonly FixtureCase[];
