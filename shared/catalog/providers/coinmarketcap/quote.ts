import { z } from 'zod';

/** One currency block of a CoinMarketCap `quote` map; fields may be null for inactive coins. */
export const CmcQuote = z.object({
  price: z.number().nullable(),
  volume_24h: z.number().nullable().optional(),
  percent_change_24h: z.number().nullable().optional(),
  market_cap: z.number().nullable().optional(),
  last_updated: z.string().optional(),
});

/** CoinMarketCap lists tickers the canonical model cannot hold (dots, unicode …); those are skipped. */
export const isCanonicalSymbol = (s: string): boolean => /^[A-Za-z0-9]{1,20}$/.test(s.trim());
