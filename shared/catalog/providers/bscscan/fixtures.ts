import type { FixtureCase } from '../../testing/cases';

/**
 * The only BSC recording is the free plan's refusal. The success shapes are the family's
 * (see providers/etherscan/fixtures.ts); no BSC success body is recorded yet, so unverified.
 */
export const fixtures = [
  {
    capability: 'transactions',
    fixture: 'bscscan/v2-account-txlist-chainid56-notok.json',
    params: { chain: 'bsc', address: '0xc37b40ABdB939635068d3c5f13E7faF686F03B65' },
    fails: 'auth',
  },
] as const satisfies readonly FixtureCase[];
