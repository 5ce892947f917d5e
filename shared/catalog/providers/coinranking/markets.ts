import { z } from 'zod';
import { defineCapability } from '../../define';

// Numbers arrive as decimal strings (null for coins without a price); rank is a number.
const Coin = z.object({
  symbol: z.string(),
  name: z.string(),
  rank: z.number().int(),
  price: z.string().nullable(),
  marketCap: z.string().nullable(),
  '24hVolume': z.string().nullable(),
  change: z.string().nullable().optional(),
  iconUrl: z.string().nullable().optional(),
});

const isCanonicalSymbol = (s: string): boolean => /^[A-Za-z0-9]{1,20}$/.test(s.trim());
const maybeNum = (s: string | null | undefined): number | undefined => (s == null ? undefined : Number(s));

/** GET /v2/coins, ordered by market cap. Prices are in US dollars unless another reference currency is given. */
export const markets = defineCapability('markets', {
  request: ({ vs, limit }) =>
    vs === 'USD' ? { path: '/coins', query: { limit: Math.min(limit, 100), orderBy: 'marketCap' } } : `Coinranking adapter quotes only USD, not ${vs}`,
  response: z.object({ status: z.literal('success'), data: z.object({ coins: z.array(Coin) }) }),
  // Items the canonical model cannot hold (odd symbol such as stETH is fine; no price, cap or volume is not) are skipped.
  transform: ({ data }) =>
    data.coins.flatMap((c) =>
      isCanonicalSymbol(c.symbol) && c.price && c.marketCap && c['24hVolume']
        ? [{ rank: c.rank, symbol: c.symbol, name: c.name, price: Number(c.price), marketCap: Number(c.marketCap), volume24h: Number(c['24hVolume']), change24hPct: maybeNum(c.change) }]
        : [],
    ),
});
