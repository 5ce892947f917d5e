import { etherscanFamily } from '../../families/etherscan';

/**
 * BscScan through Etherscan V2 (chainid 56); one ETHERSCAN_KEY serves every V2 chain.
 * Etherscan's free plan no longer covers this chain (NOTOK "Free API access is not supported for this chain"):
 * a free key is classified `auth` and the pool moves on; a paid key works.
 */
export const bscscan = etherscanFamily({ id: 'bscscan', name: 'BscScan', chainid: 56, chain: 'bsc', verified: true });
