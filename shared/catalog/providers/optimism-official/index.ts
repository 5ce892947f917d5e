import { jsonRpcNode } from '../../families/jsonrpc';

export const optimismOfficial = jsonRpcNode({
  id: 'optimism-official',
  name: 'Optimism Foundation (OP Mainnet)',
  chain: 'optimism',
  url: 'https://mainnet.optimism.io',
  docs: 'https://docs.optimism.io',
  // The OP Foundation's public endpoint: keyless, rate-limited, documented as not for production load.
  limits: { perSecond: 3 },
  tier: 'medium',
  weight: 1,
  verified: true,
});
