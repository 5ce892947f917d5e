import type { FixtureCase } from '../../testing/cases';

/**
 * A real Polygon answer of the proxy module (recorded on the V1 host; V2 answers the same
 * JSON-RPC envelope). Gas, balance and transactions have no Polygon recording yet: unverified.
 */
export const fixtures = [
  {
    capability: 'block-height',
    fixture: 'polygonscan/v1-proxy-eth_blockNumber.json',
    params: { chain: 'polygon' },
    expect: { chain: 'polygon', height: 54878117 },
  },
] as const satisfies readonly FixtureCase[];
