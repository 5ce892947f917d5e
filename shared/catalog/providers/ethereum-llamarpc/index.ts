import { jsonRpcNode } from '../../families/jsonrpc';

export const ethereumLlamarpc = jsonRpcNode({
  id: 'ethereum-llamarpc',
  name: 'LlamaRPC (Ethereum)',
  chain: 'ethereum',
  url: 'https://eth.llamarpc.com',
  docs: 'https://llamarpc.com',
  // LlamaNodes' public endpoint: keyless, load-balanced over many nodes, at times flaky.
  limits: { perSecond: 5 },
  tier: 'medium',
  weight: 1,
  verified: true,
});
