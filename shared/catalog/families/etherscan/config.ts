import type { Chain } from '../../../model';

/** What one Etherscan-V2 chain needs to know; every capability of the family reads it. */
export interface ExplorerChain {
  /** Etherscan V2 `chainid` (1 Ethereum, 56 BSC, 137 Polygon, 42161 Arbitrum, 10 Optimism, 8453 Base). */
  readonly chainid: number;
  /** Canonical chain this explorer answers for; requests for any other chain are refused. */
  readonly chain: Chain;
  /** Decimals of the native coin (18 on every EVM chain so far). */
  readonly decimals: number;
}

export const EVM_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** A refusal message when these params are not for this explorer, else undefined. */
export function refuse(cfg: ExplorerChain, chain: string, address?: string): string | undefined {
  if (chain !== cfg.chain) return `this explorer serves ${cfg.chain}, not ${chain}`;
  if (address !== undefined && !EVM_ADDRESS.test(address)) return `not an EVM address: ${address}`;
  return undefined;
}
