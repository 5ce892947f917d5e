import { z } from 'zod';
import { defineCapability } from '../../define';

const Coin = z.object({
  name: z.string(),
  symbol: z.string(),
  rank: z.number().int(),
  price: z.number().nullable(),
  volume: z.number().nullable().optional(),
  marketCap: z.number().nullable().optional(),
  priceChange1d: z.number().nullable().optional(),
  icon: z.string().optional(),
});

const isCanonicalSymbol = (s: string): boolean => /^[A-Za-z0-9]{1,20}$/.test(s.trim());
const httpsUrl = (s: string | undefined): string | undefined => (s && /^https:\/\/\S+$/.test(s) ? s : undefined);

/** GET /coins: coins by market-cap rank in the requested currency, `{ result, meta }`. */
export const markets = defineCapability('markets', {
  request: ({ vs, limit }) => ({ path: '/coins', query: { limit, currency: vs } }),
  response: z.object({ result: z.array(Coin) }),
  // Items the canonical model cannot hold (odd symbol, no price, cap or volume) are skipped, not fatal.
  transform: ({ result }) =>
    result.flatMap((c) =>
      isCanonicalSymbol(c.symbol) && c.price && c.marketCap != null && c.volume != null
        ? [{ rank: c.rank, symbol: c.symbol, name: c.name, price: c.price, marketCap: c.marketCap, volume24h: c.volume, change24hPct: c.priceChange1d ?? undefined, image: httpsUrl(c.icon) }]
        : [],
    ),
});
