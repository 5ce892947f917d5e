import { blockscoutFamily } from '../../families/blockscout';

export const blockscoutBase = blockscoutFamily({ id: 'blockscout-base', name: 'Blockscout (Base)', host: 'base.blockscout.com', chain: 'base' });
