import { EVM_ADDRESS } from '../../families/etherscan/config';
import { BTC_ADDRESS } from '../../utxo';

/** Blockchair path segment and native decimals for the canonical chains we read from it. */
export const CHAINS = {
  bitcoin: { path: 'bitcoin', decimals: 8, address: BTC_ADDRESS },
  ethereum: { path: 'ethereum', decimals: 18, address: EVM_ADDRESS },
} as const;

export type BlockchairChain = (typeof CHAINS)[keyof typeof CHAINS];

/** The chain's settings, or a refusal message for a chain (or address) Blockchair is not asked for here. */
export function chainFor(chain: string, address?: string): BlockchairChain | string {
  const c = chain === 'bitcoin' || chain === 'ethereum' ? CHAINS[chain] : undefined;
  if (!c) return `Blockchair adapters serve bitcoin and ethereum, not ${chain}`;
  if (address !== undefined && !c.address.test(address)) return `not a ${chain} address: ${address}`;
  return c;
}
