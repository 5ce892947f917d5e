import { ethereumJsonRpcFixtures } from '../../families/jsonrpc/fixtures';
import type { FixtureCase } from '../../testing/cases';

/**
 * The family's recordings: a JSON-RPC answer has the same shape from any Ethereum node, so the
 * recordings made against other nodes (see families/jsonrpc/fixtures.ts) prove this one's adapters.
 */
export const fixtures: readonly FixtureCase[] = ethereumJsonRpcFixtures;
