import { jsonRpcNode } from '../../families/jsonrpc';

export const basePublicnode = jsonRpcNode({
  id: 'base-publicnode',
  name: 'PublicNode (Base)',
  chain: 'base',
  url: 'https://base-rpc.publicnode.com',
  docs: 'https://base-rpc.publicnode.com',
  // Allnodes' free public endpoint: keyless, no published limit; kept modest.
  limits: { perSecond: 5 },
  tier: 'high',
  weight: 2,
  verified: true,
});
