import { jsonRpcNode } from '../../families/jsonrpc';

export const baseOfficial = jsonRpcNode({
  id: 'base-official',
  name: 'Base (official)',
  chain: 'base',
  url: 'https://mainnet.base.org',
  docs: 'https://docs.base.org',
  // Coinbase's public endpoint: keyless, rate-limited, documented as not for production load.
  limits: { perSecond: 3 },
  tier: 'medium',
  weight: 1,
  verified: true,
});
