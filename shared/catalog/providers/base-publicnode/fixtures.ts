import { jsonRpcFixturesFor } from '../../families/jsonrpc/chain-fixtures';
import type { FixtureCase } from '../../testing/cases';

const ADDRESS = '0x3a9e669d9e2d0171c8a057031a9e9C048b7FEE60';

/**
 * Base's own recordings (mainnet.base.org, tests/fixtures/upstream/INDEX.md: the balance was asked
 * at a historical block), then the family's recordings asked on base; a node's answer has one shape
 * whoever runs it, so the mainnet.base.org answers prove every Base node.
 */
export const fixtures: readonly FixtureCase[] = [
  { capability: 'block-height', fixture: 'base-jsonrpc/eth_blockNumber.json', params: { chain: 'base' }, expect: { chain: 'base', height: 47806542 } },
  {
    capability: 'balance',
    fixture: 'base-jsonrpc/eth_getBalance.json',
    params: { chain: 'base', address: ADDRESS },
    expect: { chain: 'base', address: ADDRESS, amount: '0.01' },
  },
  ...jsonRpcFixturesFor('base'),
];
