import { etherscanFamily } from '../../families/etherscan';

/**
 * Arbiscan through Etherscan V2 (chainid 42161); one ETHERSCAN_KEY serves every V2 chain.
 */
export const arbiscan = etherscanFamily({ id: 'arbiscan', name: 'Arbiscan', chainid: 42161, chain: 'arbitrum', verified: true });
