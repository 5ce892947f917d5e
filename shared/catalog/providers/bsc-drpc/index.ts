import { jsonRpcNode } from '../../families/jsonrpc';

export const bscDrpc = jsonRpcNode({
  id: 'bsc-drpc',
  name: 'dRPC (BSC)',
  chain: 'bsc',
  url: 'https://bsc.drpc.org',
  docs: 'https://drpc.org/docs',
  // dRPC's free public tier: keyless, throttled under load; the paid tier takes a key in the URL.
  limits: { perSecond: 5 },
  tier: 'medium',
  weight: 1,
  verified: true,
});
