import type { Chain } from '../../../model';
import { EVM_ADDRESS } from '../etherscan/config';

/** What one Blockscout instance needs to know; every capability of the family reads it. */
export interface BlockscoutChain {
  /** Canonical chain this instance indexes; requests for any other chain are refused. */
  readonly chain: Chain;
  /** Decimals of the native coin (18 on every EVM chain so far). */
  readonly decimals: number;
}

/** A refusal message when these params are not for this instance, else undefined. */
export function refuse(cfg: BlockscoutChain, chain: string, address?: string): string | undefined {
  if (chain !== cfg.chain) return `this Blockscout instance serves ${cfg.chain}, not ${chain}`;
  if (address !== undefined && !EVM_ADDRESS.test(address)) return `not an EVM address: ${address}`;
  return undefined;
}
