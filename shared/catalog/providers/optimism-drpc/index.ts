import { jsonRpcNode } from '../../families/jsonrpc';

export const optimismDrpc = jsonRpcNode({
  id: 'optimism-drpc',
  name: 'dRPC (OP Mainnet)',
  chain: 'optimism',
  url: 'https://optimism.drpc.org',
  docs: 'https://drpc.org/docs',
  // dRPC's free public tier: keyless, throttled under load.
  limits: { perSecond: 5 },
  tier: 'medium',
  weight: 1,
  verified: true,
});
