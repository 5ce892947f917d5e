import type { FixtureCase } from '../../testing/cases';

/** No recording of this chain yet; the family's shapes are proven on Ethereum (providers/etherscan). */
export const fixtures = [] as const satisfies readonly FixtureCase[];
