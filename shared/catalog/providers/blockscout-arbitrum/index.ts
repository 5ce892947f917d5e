import { blockscoutFamily } from '../../families/blockscout';

export const blockscoutArbitrum = blockscoutFamily({ id: 'blockscout-arbitrum', name: 'Blockscout (Arbitrum)', host: 'arbitrum.blockscout.com', chain: 'arbitrum' });
