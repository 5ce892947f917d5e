import { z } from 'zod';
import { defineCapability } from '../../define';

// Prices are in the chain's native coin (ETH on the Ethereum host).
const Stats = z.object({
  floor_price: z.number().nonnegative().nullish(),
  volume_24h: z.number().nonnegative().nullish(),
  owners_total: z.number().int().nonnegative().nullish(),
  items_total: z.number().nonnegative().nullish(),
});

/**
 * /api/v2/statistics/collection/{contract}: NFTScan keys collections by contract address, so the
 * `slug` must be one (lower-case 0x…); OpenSea-style names are refused.
 */
export const nftCollection = defineCapability('nft-collection', {
  request: ({ slug }) =>
    /^0x[0-9a-f]{40}$/.test(slug) ? { path: `/api/v2/statistics/collection/${slug}` } : `NFTScan needs a collection contract address, not "${slug}"`,
  response: z.object({ code: z.literal(200), data: Stats }),
  transform: ({ data }, { slug }) => ({
    slug,
    floorPrice: data.floor_price ?? 0,
    currency: 'ETH',
    volume24h: data.volume_24h ?? undefined,
    owners: data.owners_total ?? undefined,
    supply: data.items_total ?? undefined,
  }),
});
