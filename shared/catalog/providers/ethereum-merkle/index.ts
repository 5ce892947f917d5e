import { jsonRpcNode } from '../../families/jsonrpc';

export const ethereumMerkle = jsonRpcNode({
  id: 'ethereum-merkle',
  name: 'Merkle (Ethereum)',
  chain: 'ethereum',
  url: 'https://eth.merkle.io',
  docs: 'https://merkle.io',
  // Merkle's free MEV-protected public endpoint: keyless, no published limit.
  limits: { perSecond: 5 },
  tier: 'high',
  weight: 1,
  verified: true,
});
