import { z } from 'zod';
import { defineCapability } from '../../define';

// Everything but id/symbol/name may be null for thin coins; such items are skipped, not fatal.
const Coin = z.object({
  id: z.string(),
  symbol: z.string(),
  name: z.string(),
  image: z.string().nullable().optional(),
  current_price: z.number().nullable(),
  market_cap: z.number().nullable(),
  market_cap_rank: z.number().nullable(),
  total_volume: z.number().nullable(),
  price_change_percentage_24h: z.number().nullable().optional(),
});

const SYMBOL = /^[A-Z0-9]{1,20}$/;

export const markets = defineCapability('markets', {
  request: ({ vs, limit }) => ({
    path: '/coins/markets',
    query: { vs_currency: vs.toLowerCase(), order: 'market_cap_desc', per_page: limit, page: 1, sparkline: false },
  }),
  response: z.array(Coin),
  // Symbols arrive lower-case (`btc`); the list also teaches the symbol map CoinGecko's ids.
  transform: (raw, _params, ctx) =>
    raw.flatMap((c) => {
      const symbol = c.symbol.trim().toUpperCase();
      const { current_price: price, market_cap: cap, market_cap_rank: rank, total_volume: volume } = c;
      if (!SYMBOL.test(symbol) || price === null || price <= 0 || cap === null || rank === null || rank < 1 || volume === null) return [];
      ctx.learn?.(symbol, c.id);
      const image = c.image?.startsWith('https://') ? c.image : undefined;
      return [{ rank, symbol, name: c.name, price, marketCap: cap, volume24h: volume, change24hPct: c.price_change_percentage_24h ?? undefined, image }];
    }),
});
