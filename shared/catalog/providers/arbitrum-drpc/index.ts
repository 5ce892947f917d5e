import { jsonRpcNode } from '../../families/jsonrpc';

export const arbitrumDrpc = jsonRpcNode({
  id: 'arbitrum-drpc',
  name: 'dRPC (Arbitrum One)',
  chain: 'arbitrum',
  url: 'https://arbitrum.drpc.org',
  docs: 'https://drpc.org/docs',
  // dRPC's free public tier: keyless, throttled under load.
  limits: { perSecond: 5 },
  tier: 'medium',
  weight: 1,
  verified: true,
});
