import type { Classified } from '../../../engine/adapter';
import { defineProvider } from '../../define';
import { nftCollection } from './nft-collection';

/** Errors come as `{"errors": ["…"]}` (e.g. an unknown slug at HTTP 400/404). */
const classify = (body: unknown): Classified | undefined => {
  if (typeof body !== 'object' || body === null || !('errors' in body) || !Array.isArray(body.errors)) return undefined;
  const message = body.errors.filter((e): e is string => typeof e === 'string').join('; ') || 'OpenSea error';
  return { kind: /not found/i.test(message) ? 'unsupported' : 'upstream_error', message };
};

/** OpenSea API v2 (v1 was retired in 2023). Every call needs a free key in `X-API-KEY`. */
export const opensea = defineProvider({
  id: 'opensea',
  name: 'OpenSea',
  category: 'nft',
  baseUrl: 'https://api.opensea.io',
  docs: 'https://docs.opensea.io/reference/get_collection_stats',
  auth: { kind: 'header', param: 'X-API-KEY', env: ['OPENSEA_KEY'], optional: false },
  // The free key's published budget is a few requests per second; stats change slowly.
  limits: { perSecond: 2, perMinute: 60 },
  cors: false,
  tier: 'critical',
  weight: 3,
  verified: true,
  capabilities: { 'nft-collection': nftCollection },
  classify,
});
