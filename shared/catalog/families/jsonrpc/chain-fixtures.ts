import type { Chain } from '../../../model';
import type { FixtureCase } from '../../testing/cases';

const ADDRESS = '0x50532e4Be195D1dE0c2E6DfA46D9ec0a4Fee6861';

/**
 * The family's recordings (see ./fixtures.ts) asked of a node on another EVM chain. The bodies are
 * the same bytes: an EVM node's eth_blockNumber, eth_feeHistory and eth_getBalance answers have one
 * shape whichever chain it runs (geth forks on BSC and Polygon, Nitro on Arbitrum, op-geth/reth on
 * OP Stack), so only the requested chain changes. Chain-specific recordings, where found, are added
 * by the node's own fixtures.ts.
 */
export const jsonRpcFixturesFor = (chain: Chain) =>
  [
    {
      capability: 'block-height',
      fixture: 'ethereum-jsonrpc/eth_blockNumber.json',
      params: { chain },
      expect: { chain, height: 25079123 },
    },
    {
      capability: 'gas',
      fixture: 'ethereum-jsonrpc/eth_feeHistory.json',
      params: { chain },
      expect: { chain, slow: 0.875182171, standard: 0.875182171, fast: 0.875182171, baseFee: 0.87518217, unit: 'gwei' },
    },
    {
      capability: 'balance',
      fixture: 'ethereum-jsonrpc/eth_getBalance.json',
      params: { chain, address: ADDRESS },
      expect: { chain, address: ADDRESS, amount: '5.1063307' },
    },
    { capability: 'block-height', fixture: 'ethereum-jsonrpc/error-genesis-not-traceable.json', params: { chain }, fails: 'upstream_error' },
  ] as const satisfies readonly FixtureCase[];
