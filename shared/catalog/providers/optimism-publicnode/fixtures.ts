import { jsonRpcFixturesFor } from '../../families/jsonrpc/chain-fixtures';
import type { FixtureCase } from '../../testing/cases';

/**
 * The family's recordings asked on optimism: an EVM node's answers have the same shape on every chain,
 * so the recordings made against Ethereum nodes (see families/jsonrpc/fixtures.ts) prove this one's adapters.
 */
export const fixtures: readonly FixtureCase[] = jsonRpcFixturesFor('optimism');
