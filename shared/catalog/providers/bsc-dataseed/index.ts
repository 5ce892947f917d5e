import { jsonRpcNode } from '../../families/jsonrpc';

export const bscDataseed = jsonRpcNode({
  id: 'bsc-dataseed',
  name: 'BNB Chain dataseed (BSC)',
  chain: 'bsc',
  url: 'https://bsc-dataseed.bnbchain.org',
  docs: 'https://docs.bnbchain.org/bnb-smart-chain/developers/json_rpc/json-rpc-endpoint/',
  // BNB Chain's official keyless endpoint; its docs cap it near 10K requests per 5 minutes per IP.
  limits: { perSecond: 5 },
  tier: 'high',
  weight: 2,
  verified: true,
});
