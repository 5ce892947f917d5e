import { etherscanFamily } from '../../families/etherscan';

/**
 * PolygonScan through Etherscan V2 (chainid 137); one ETHERSCAN_KEY serves every V2 chain.
 */
export const polygonscan = etherscanFamily({ id: 'polygonscan', name: 'PolygonScan', chainid: 137, chain: 'polygon', verified: true });
