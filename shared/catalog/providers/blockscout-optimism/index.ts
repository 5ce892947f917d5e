import { blockscoutFamily } from '../../families/blockscout';

export const blockscoutOptimism = blockscoutFamily({ id: 'blockscout-optimism', name: 'Blockscout (Optimism)', host: 'optimism.blockscout.com', chain: 'optimism' });
