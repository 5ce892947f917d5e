import { jsonRpcNode } from '../../families/jsonrpc';

export const ethereumPublicnode = jsonRpcNode({
  id: 'ethereum-publicnode',
  name: 'PublicNode (Ethereum)',
  chain: 'ethereum',
  url: 'https://ethereum-rpc.publicnode.com',
  docs: 'https://ethereum-rpc.publicnode.com',
  // Allnodes' free public endpoint: keyless, no published limit; kept modest.
  limits: { perSecond: 5 },
  tier: 'high',
  weight: 2,
  verified: true,
});
