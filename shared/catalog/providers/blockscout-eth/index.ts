import { blockscoutFamily } from '../../families/blockscout';

export const blockscoutEth = blockscoutFamily({ id: 'blockscout-eth', name: 'Blockscout (Ethereum)', host: 'eth.blockscout.com', chain: 'ethereum' });
