import { defineProvider } from '../../define';
import { nftCollection } from './nft-collection';

/**
 * Magic Eden's Solana API (v2). Public reads need no key; a key (Bearer) raises the default limit.
 * Written from the documentation (https://docs.magiceden.io/reference/solana-overview);
 * no recorded response found yet, hence unverified.
 */
export const magicEden = defineProvider({
  id: 'magic-eden',
  name: 'Magic Eden (Solana)',
  category: 'nft',
  baseUrl: 'https://api-mainnet.magiceden.dev',
  docs: 'https://docs.magiceden.io/reference/solana-overview',
  auth: { kind: 'header', param: 'Authorization', env: ['MAGICEDEN_KEY'], optional: true, prefix: 'Bearer ' },
  // Documented default: 120 requests per minute (2 per second) without a key.
  limits: { perSecond: 2, perMinute: 120 },
  cors: false,
  tier: 'high',
  weight: 2,
  verified: false,
  capabilities: { 'nft-collection': nftCollection },
});
