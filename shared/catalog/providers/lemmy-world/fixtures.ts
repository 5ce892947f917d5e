import type { FixtureCase } from '../../testing/cases';

/** No real recording yet (see lemmy-world.test.ts for the documented shape). */
export const fixtures = [] as const satisfies readonly FixtureCase[];
