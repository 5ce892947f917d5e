import { jsonRpcNode } from '../../families/jsonrpc';

export const arbitrumPublicnode = jsonRpcNode({
  id: 'arbitrum-publicnode',
  name: 'PublicNode (Arbitrum One)',
  chain: 'arbitrum',
  url: 'https://arbitrum-one-rpc.publicnode.com',
  docs: 'https://arbitrum-one-rpc.publicnode.com',
  // Allnodes' free public endpoint: keyless, no published limit; kept modest.
  limits: { perSecond: 5 },
  tier: 'high',
  weight: 2,
  verified: true,
});
