import { EVM_ADDRESS } from '../../families/etherscan/config';

/** Ethplorer indexes Ethereum mainnet only. */
export function refuseEthereum(chain: string, address: string): string | undefined {
  if (chain !== 'ethereum') return `Ethplorer serves ethereum, not ${chain}`;
  if (!EVM_ADDRESS.test(address)) return `not an EVM address: ${address}`;
  return undefined;
}
