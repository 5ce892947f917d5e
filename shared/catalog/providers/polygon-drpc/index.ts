import { jsonRpcNode } from '../../families/jsonrpc';

export const polygonDrpc = jsonRpcNode({
  id: 'polygon-drpc',
  name: 'dRPC (Polygon)',
  chain: 'polygon',
  url: 'https://polygon.drpc.org',
  docs: 'https://drpc.org/docs',
  // dRPC's free public tier, first in Polygon's own list since polygon-rpc.com closed to the public (Feb 2026).
  limits: { perSecond: 5 },
  tier: 'high',
  weight: 2,
  verified: true,
});
