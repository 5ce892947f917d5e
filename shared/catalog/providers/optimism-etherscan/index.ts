import { etherscanFamily } from '../../families/etherscan';

/**
 * Optimistic Etherscan through Etherscan V2 (chainid 10); one ETHERSCAN_KEY serves every V2 chain.
 * Etherscan's free plan no longer covers this chain (NOTOK "Free API access is not supported for this chain"):
 * a free key is classified `auth` and the pool moves on; a paid key works.
 */
export const optimismEtherscan = etherscanFamily({ id: 'optimism-etherscan', name: 'Optimistic Etherscan', chainid: 10, chain: 'optimism', verified: true });
