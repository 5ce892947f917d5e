import { etherscanFamily } from '../../families/etherscan';

/**
 * BaseScan through Etherscan V2 (chainid 8453); one ETHERSCAN_KEY serves every V2 chain.
 * Etherscan's free plan no longer covers this chain (NOTOK "Free API access is not supported for this chain"):
 * a free key is classified `auth` and the pool moves on; a paid key works.
 */
export const basescan = etherscanFamily({ id: 'basescan', name: 'BaseScan', chainid: 8453, chain: 'base', verified: true });
