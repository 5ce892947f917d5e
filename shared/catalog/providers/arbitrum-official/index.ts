import { jsonRpcNode } from '../../families/jsonrpc';

export const arbitrumOfficial = jsonRpcNode({
  id: 'arbitrum-official',
  name: 'Arbitrum Foundation (Arbitrum One)',
  chain: 'arbitrum',
  url: 'https://arb1.arbitrum.io/rpc',
  docs: 'https://docs.arbitrum.io/build-decentralized-apps/reference/node-providers',
  // Offchain Labs' public endpoint: keyless, rate-limited, documented as not for production load.
  limits: { perSecond: 3 },
  tier: 'medium',
  weight: 1,
  verified: true,
});
