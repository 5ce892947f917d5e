import type { Classified } from '../../../engine/adapter';
import { defineProvider } from '../../define';
import { nftCollection } from './nft-collection';

/** An unknown id answers `{"error": "nft collection not found"}`. */
const classify = (body: unknown): Classified | undefined => {
  if (typeof body !== 'object' || body === null || !('error' in body) || typeof body.error !== 'string') return undefined;
  return { kind: /not found/i.test(body.error) ? 'unsupported' : 'upstream_error', message: body.error };
};

/**
 * CoinGecko's NFT endpoint (/nfts/{id}) as its own catalog entry, like `defillama-coins`, so NFT
 * pools can hold it without the market provider. It shares CoinGecko's per-IP budget: keep both
 * entries' limits together under the public 30 calls a minute. Written from the documentation
 * (https://docs.coingecko.com/reference/nfts-id); no recorded response found yet, hence unverified.
 */
export const coingeckoNft = defineProvider({
  id: 'coingecko-nft',
  name: 'CoinGecko NFT',
  category: 'nft',
  baseUrl: 'https://api.coingecko.com',
  docs: 'https://docs.coingecko.com/reference/nfts-id',
  auth: { kind: 'header', param: 'x-cg-demo-api-key', env: ['COINGECKO_KEY'], optional: true },
  limits: { perMinute: 10 },
  cors: true,
  tier: 'medium',
  weight: 1,
  verified: false,
  capabilities: { 'nft-collection': nftCollection },
  classify,
});
