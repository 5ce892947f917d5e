import type { FixtureCase } from '../../testing/cases';

const ADDRESS = '0x50532e4Be195D1dE0c2E6DfA46D9ec0a4Fee6861';

/**
 * Real recordings of Ethereum JSON-RPC answers (tests/fixtures/upstream/INDEX.md). They come from
 * different nodes (publicnode mainnet, a geth test chain run by hive), but a node's answer has the
 * same shape whoever runs it, so every node built by `jsonRpcNode` is tested against this one list.
 *
 * The eth_feeHistory recording asked for percentiles [95, 99] over one block, not our [10, 50, 90]
 * over five: columns are read by position, so slow = first, standard and fast = last here.
 * Next base fee 0x342a385a = 875182170 wei, tip 0x1 wei.
 */
export const ethereumJsonRpcFixtures = [
  {
    capability: 'block-height',
    fixture: 'ethereum-jsonrpc/eth_blockNumber.json',
    expect: { chain: 'ethereum', height: 25079123 },
  },
  {
    capability: 'gas',
    fixture: 'ethereum-jsonrpc/eth_feeHistory.json',
    expect: { chain: 'ethereum', slow: 0.875182171, standard: 0.875182171, fast: 0.875182171, baseFee: 0.87518217, unit: 'gwei' },
  },
  {
    capability: 'balance',
    fixture: 'ethereum-jsonrpc/eth_getBalance.json',
    params: { address: ADDRESS },
    expect: { chain: 'ethereum', address: ADDRESS, amount: '5.1063307' },
  },
  // A JSON-RPC `error` object at HTTP 200 (recorded for debug_traceBlockByNumber; the envelope is what counts).
  { capability: 'block-height', fixture: 'ethereum-jsonrpc/error-genesis-not-traceable.json', fails: 'upstream_error' },
] as const satisfies readonly FixtureCase[];
