import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';

const Body = z.object({
  data: z.object({
    price: z.number().nullable(),
    market_cap: z.number().nullable().optional(),
    // `volume` is on-chain volume; `off_chain_volume` is centralised-exchange volume.
    volume: z.number().nullable().optional(),
    off_chain_volume: z.number().nullable().optional(),
    price_change_24h: z.number().nullable().optional(),
  }),
});

/** GET /api/1/market/data?symbol=…: one asset per call, always in USD; the body carries no timestamp. */
export const price = defineCapability('price', {
  request: ({ symbols, vs }) => {
    if (vs !== 'USD') return `Mobula quotes only USD, not ${vs}`;
    if (symbols.length !== 1) return 'Mobula market/data serves one symbol per request';
    return { path: '/api/1/market/data', query: { symbol: symbols[0] } };
  },
  response: Body,
  transform: ({ data }, { symbols, vs }, ctx) => {
    const volume = (data.off_chain_volume ?? 0) + (data.volume ?? 0);
    return data.price && data.price > 0
      ? [{ symbol: symbols[0] ?? '', vs, price: data.price, change24hPct: data.price_change_24h ?? undefined, volume24h: volume || undefined, marketCap: data.market_cap ?? undefined, ts: ctx.now }]
      : unsupported(`Mobula has no price for ${symbols.join(',')}`);
  },
});
