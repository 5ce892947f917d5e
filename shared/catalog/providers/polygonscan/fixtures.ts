import { etherscanFixturesFor } from '../../families/etherscan/chain-fixtures';
import type { FixtureCase } from '../../testing/cases';

/**
 * Polygon's own recording first (the proxy module on the V1 host; V2 answers the same JSON-RPC
 * envelope), then the Etherscan V2 family's recordings asked on polygon: V2 serves every chainid
 * from one host with identical bodies, so the Ethereum recordings prove this member's adapters
 * (see families/etherscan/chain-fixtures.ts).
 */
export const fixtures: readonly FixtureCase[] = [
  {
    capability: 'block-height',
    fixture: 'polygonscan/v1-proxy-eth_blockNumber.json',
    params: { chain: 'polygon' },
    expect: { chain: 'polygon', height: 54878117 },
  },
  ...etherscanFixturesFor('polygon'),
];
