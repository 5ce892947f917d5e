import type { FixtureCase } from '../../testing/cases';

/** No recording of this instance yet: the adapters follow the REST v2 docs (families/blockscout). */
export const fixtures = [] as const satisfies readonly FixtureCase[];
