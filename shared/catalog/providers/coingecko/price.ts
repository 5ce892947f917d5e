import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';

const Entry = z.record(z.string(), z.number().nullable());

export const price = defineCapability('price', {
  request: ({ symbols, vs }, ctx) => {
    const ids = symbols.map((s) => ctx.symbolId(s)).filter((id): id is string => id !== undefined);
    if (ids.length === 0) return `no CoinGecko id for ${symbols.join(',')}`;
    return {
      path: '/simple/price',
      query: {
        ids: ids.join(','),
        vs_currencies: vs.toLowerCase(),
        include_24hr_change: true,
        include_24hr_vol: true,
        include_market_cap: true,
        include_last_updated_at: true,
      },
    };
  },
  // Keyed by coin id, in the provider's order, not the request's.
  response: z.record(z.string(), Entry),
  transform: (raw, { symbols, vs }, ctx) => {
    const cur = vs.toLowerCase();
    const quotes = symbols.flatMap((symbol) => {
      const id = ctx.symbolId(symbol);
      const e = id === undefined ? undefined : raw[id];
      const p = e?.[cur];
      if (!e || p == null) return [];
      const updated = e.last_updated_at;
      return [
        {
          symbol,
          vs,
          price: p,
          change24hPct: e[`${cur}_24h_change`] ?? undefined,
          volume24h: e[`${cur}_24h_vol`] ?? undefined,
          marketCap: e[`${cur}_market_cap`] ?? undefined,
          ts: updated != null ? updated * 1000 : ctx.now,
        },
      ];
    });
    return quotes.length > 0 ? quotes : unsupported(`CoinGecko has no ${vs} price for ${symbols.join(',')}`);
  },
});
