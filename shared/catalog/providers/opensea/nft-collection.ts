import { z } from 'zod';
import { defineCapability } from '../../define';

const Interval = z.object({ interval: z.string(), volume: z.number() });

// v2 stats: all-time figures under `total`, windowed ones under `intervals` (one_day, seven_day, thirty_day).
const Stats = z.object({
  total: z.object({
    volume: z.number(),
    num_owners: z.number().int().nonnegative(),
    floor_price: z.number().nonnegative(),
    floor_price_symbol: z.string(),
  }),
  intervals: z.array(Interval),
});

export const nftCollection = defineCapability('nft-collection', {
  request: ({ slug }) => ({ path: `/api/v2/collections/${slug}/stats` }),
  response: Stats,
  transform: ({ total, intervals }, { slug }) => {
    const day = intervals.find((i) => i.interval === 'one_day');
    return {
      slug,
      floorPrice: total.floor_price,
      // Prices are in the collection chain's native coin. A collection with no listing has no floor
      // and may send an empty symbol: ETH is then assumed, the currency of most collections.
      currency: total.floor_price_symbol || 'ETH',
      ...(day ? { volume24h: day.volume } : {}),
      owners: total.num_owners,
    };
  },
});
