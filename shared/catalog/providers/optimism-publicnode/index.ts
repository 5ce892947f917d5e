import { jsonRpcNode } from '../../families/jsonrpc';

export const optimismPublicnode = jsonRpcNode({
  id: 'optimism-publicnode',
  name: 'PublicNode (OP Mainnet)',
  chain: 'optimism',
  url: 'https://optimism-rpc.publicnode.com',
  docs: 'https://optimism-rpc.publicnode.com',
  // Allnodes' free public endpoint: keyless, no published limit; kept modest.
  limits: { perSecond: 5 },
  tier: 'high',
  weight: 2,
  verified: true,
});
