import { blockscoutFamily } from '../../families/blockscout';

export const blockscoutPolygon = blockscoutFamily({ id: 'blockscout-polygon', name: 'Blockscout (Polygon)', host: 'polygon.blockscout.com', chain: 'polygon' });
