import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';
import { CmcQuote } from './quote';

// v2 answers every symbol with an array (several coins can share a ticker), best-ranked first.
const Coin = z.object({ symbol: z.string(), cmc_rank: z.number().int().nullable().optional(), quote: z.record(z.string(), CmcQuote) });

export const price = defineCapability('price', {
  request: ({ symbols, vs }) => ({ path: '/v2/cryptocurrency/quotes/latest', query: { symbol: symbols.join(','), convert: vs } }),
  response: z.object({ data: z.record(z.string(), z.array(Coin)) }),
  transform: ({ data }, { symbols, vs }, ctx) => {
    const quotes = symbols.flatMap((symbol) => {
      const ranked = (data[symbol] ?? []).filter((c) => c.cmc_rank != null).sort((a, b) => (a.cmc_rank ?? 0) - (b.cmc_rank ?? 0));
      const q = ranked[0]?.quote[vs];
      if (!q?.price) return [];
      const ts = q.last_updated ? Date.parse(q.last_updated) : ctx.now;
      return [{ symbol, vs, price: q.price, change24hPct: q.percent_change_24h ?? undefined, volume24h: q.volume_24h ?? undefined, marketCap: q.market_cap ?? undefined, ts }];
    });
    return quotes.length > 0 ? quotes : unsupported(`CoinMarketCap has no ${vs} price for ${symbols.join(',')}`);
  },
});
