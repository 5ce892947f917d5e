import { jsonRpcNode } from '../../families/jsonrpc';

export const ethereumDrpc = jsonRpcNode({
  id: 'ethereum-drpc',
  name: 'dRPC (Ethereum)',
  chain: 'ethereum',
  url: 'https://eth.drpc.org',
  docs: 'https://drpc.org/docs',
  // dRPC's free public tier: keyless, throttled under load; the paid tier takes a key in the URL.
  limits: { perSecond: 5 },
  tier: 'medium',
  weight: 1,
  verified: true,
});
