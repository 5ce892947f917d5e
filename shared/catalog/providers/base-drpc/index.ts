import { jsonRpcNode } from '../../families/jsonrpc';

export const baseDrpc = jsonRpcNode({
  id: 'base-drpc',
  name: 'dRPC (Base)',
  chain: 'base',
  url: 'https://base.drpc.org',
  docs: 'https://drpc.org/docs',
  // dRPC's free public tier: keyless, throttled under load.
  limits: { perSecond: 5 },
  tier: 'medium',
  weight: 1,
  verified: true,
});
