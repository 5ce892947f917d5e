import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';

// `code` is the ticker; `symbol` is a display glyph (₿, Ξ) and may be absent.
const Coin = z.object({
  code: z.string(),
  rate: z.number().nullable(),
  volume: z.number().nullable().optional(),
  cap: z.number().nullable().optional(),
  // Deltas are ratios: 1.0115 means +1.15 %.
  delta: z.object({ day: z.number().nullable().optional() }).optional(),
});

/** POST /coins/map: several coins in one call, rates in `currency`. The body carries no timestamp. */
export const price = defineCapability('price', {
  request: ({ symbols, vs }) => ({
    path: '/coins/map',
    method: 'POST',
    body: { codes: symbols, currency: vs, sort: 'rank', order: 'ascending', offset: 0, limit: 0, meta: false },
  }),
  response: z.array(Coin),
  transform: (raw, { symbols, vs }, ctx) => {
    const quotes = symbols.flatMap((symbol) => {
      const c = raw.find((x) => x.code.toUpperCase() === symbol);
      if (!c?.rate) return [];
      const day = c.delta?.day;
      return [{ symbol, vs, price: c.rate, change24hPct: day != null ? (day - 1) * 100 : undefined, volume24h: c.volume ?? undefined, marketCap: c.cap ?? undefined, ts: ctx.now }];
    });
    return quotes.length > 0 ? quotes : unsupported(`LiveCoinWatch has no ${vs} rate for ${symbols.join(',')}`);
  },
});
