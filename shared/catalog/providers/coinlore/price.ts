import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';

// Mixed types: price and market cap are strings, volume24 a number, id a string.
const Ticker = z.object({
  id: z.string(),
  symbol: z.string(),
  price_usd: z.string(),
  percent_change_24h: z.string().nullable().optional(),
  market_cap_usd: z.string().nullable().optional(),
  volume24: z.number().nullable().optional(),
});

const maybeNum = (s: string | null | undefined): number | undefined => (s == null || s === '' ? undefined : Number(s));

export const price = defineCapability('price', {
  request: ({ symbols, vs }, ctx) => {
    if (vs !== 'USD') return `CoinLore quotes only USD, not ${vs}`;
    const ids = symbols.map((s) => ctx.symbolId(s)).filter((id): id is string => id !== undefined);
    // /ticker/ takes a comma-separated id list.
    return ids.length === 0 ? `no CoinLore id for ${symbols.join(',')}` : { path: '/ticker/', query: { id: ids.join(',') } };
  },
  response: z.array(Ticker),
  // The body carries no time of its own: the arrival time stands in.
  transform: (raw, { symbols, vs }, ctx) => {
    const byId = new Map(raw.map((t) => [t.id, t]));
    const quotes = symbols.flatMap((symbol) => {
      const id = ctx.symbolId(symbol);
      const t = id === undefined ? undefined : byId.get(id);
      if (!t) return [];
      return [
        {
          symbol,
          vs,
          price: Number(t.price_usd),
          change24hPct: maybeNum(t.percent_change_24h),
          volume24h: t.volume24 ?? undefined,
          marketCap: maybeNum(t.market_cap_usd),
          ts: ctx.now,
        },
      ];
    });
    return quotes.length > 0 ? quotes : unsupported(`CoinLore has no price for ${symbols.join(',')}`);
  },
});
