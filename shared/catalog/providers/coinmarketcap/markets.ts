import { z } from 'zod';
import { defineCapability } from '../../define';
import { CmcQuote, isCanonicalSymbol } from './quote';

const Coin = z.object({ name: z.string(), symbol: z.string(), cmc_rank: z.number().int(), quote: z.record(z.string(), CmcQuote) });

export const markets = defineCapability('markets', {
  request: ({ vs, limit }) => ({ path: '/v1/cryptocurrency/listings/latest', query: { limit, convert: vs } }),
  response: z.object({ data: z.array(Coin) }),
  // Items the canonical model cannot hold (odd symbol, no price, cap or volume) are skipped, not fatal.
  transform: ({ data }, { vs }) =>
    data.flatMap((c) => {
      const q = c.quote[vs];
      if (!q || !isCanonicalSymbol(c.symbol) || !q.price || q.market_cap == null || q.volume_24h == null) return [];
      return [
        {
          rank: c.cmc_rank,
          symbol: c.symbol,
          name: c.name,
          price: q.price,
          marketCap: q.market_cap,
          volume24h: q.volume_24h,
          change24hPct: q.percent_change_24h ?? undefined,
        },
      ];
    }),
});
