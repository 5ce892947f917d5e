import { etherscanFixturesFor } from '../../families/etherscan/chain-fixtures';
import type { FixtureCase } from '../../testing/cases';

/**
 * The Etherscan V2 family's recordings asked on arbitrum: V2 serves every chainid from one host with
 * identical bodies, so the recordings made on Ethereum (and the proxy module's on Gnosis) prove this
 * member's adapters; only the requested chain differs (see families/etherscan/chain-fixtures.ts).
 */
export const fixtures: readonly FixtureCase[] = etherscanFixturesFor('arbitrum');
