import { z } from 'zod';
import { defineCapability } from '../../define';

const Item = z.object({
  id: z.string(),
  name: z.string(),
  symbol: z.string(),
  market_cap_rank: z.number().int().nullable().optional(),
  score: z.number().optional(),
});

export const trending = defineCapability('trending', {
  request: () => ({ path: '/search/trending' }),
  response: z.object({ coins: z.array(z.object({ item: Item })) }),
  transform: ({ coins }) =>
    coins.map(({ item }) => ({
      symbol: item.symbol,
      name: item.name,
      rank: item.market_cap_rank ?? undefined,
      score: item.score,
    })),
});
