import { z } from 'zod';
import { defineCapability } from '../../define';
import { isCanonicalSymbol } from './quote';

const Coin = z.object({ name: z.string(), symbol: z.string(), cmc_rank: z.number().int().nullable().optional() });

/** /v1/cryptocurrency/trending/latest: most-searched coins on coinmarketcap.com (list order is the trend order). */
export const trending = defineCapability('trending', {
  request: () => ({ path: '/v1/cryptocurrency/trending/latest', query: { limit: 20 } }),
  response: z.object({ data: z.array(Coin) }),
  transform: ({ data }) =>
    data
      .filter((c) => isCanonicalSymbol(c.symbol))
      .map((c) => ({ symbol: c.symbol, name: c.name, rank: c.cmc_rank != null && c.cmc_rank > 0 ? c.cmc_rank : undefined })),
});
