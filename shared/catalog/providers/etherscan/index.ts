import { etherscanFamily } from '../../families/etherscan';

/** Etherscan for Ethereum mainnet; the capability adapters live in the family (families/etherscan). */
export const etherscan = etherscanFamily({ id: 'etherscan', name: 'Etherscan', chainid: 1, chain: 'ethereum', tier: 'critical', weight: 3, verified: true });
