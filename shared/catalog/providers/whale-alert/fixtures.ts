import type { FixtureCase } from '../../testing/cases';

/** No recording yet: the adapter follows docs.whale-alert.io (v1 /transactions). */
export const fixtures = [] as const satisfies readonly FixtureCase[];
