import type { FixtureCase } from '../../testing/cases';

/** No real capture of this feed yet; the RSS family's tests (families/rss) cover the parser. */
export const fixtures = [] as const satisfies readonly FixtureCase[];
