import { jsonRpcNode } from '../../families/jsonrpc';

export const polygonPublicnode = jsonRpcNode({
  id: 'polygon-publicnode',
  name: 'PublicNode (Polygon)',
  chain: 'polygon',
  url: 'https://polygon-bor-rpc.publicnode.com',
  docs: 'https://polygon-bor-rpc.publicnode.com',
  // Allnodes' free public Bor endpoint: keyless, no published limit; kept modest.
  limits: { perSecond: 5 },
  tier: 'high',
  weight: 2,
  verified: true,
});
