import { jsonRpcNode } from '../../families/jsonrpc';

export const bscPublicnode = jsonRpcNode({
  id: 'bsc-publicnode',
  name: 'PublicNode (BSC)',
  chain: 'bsc',
  url: 'https://bsc-rpc.publicnode.com',
  docs: 'https://bsc-rpc.publicnode.com',
  // Allnodes' free public endpoint: keyless, no published limit; kept modest.
  limits: { perSecond: 5 },
  tier: 'high',
  weight: 2,
  verified: true,
});
