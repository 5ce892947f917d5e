import { z } from 'zod';

/**
 * One CoinCap asset. Every number is a decimal string (rank too); some may be null.
 * Shared by `price` and `markets`, which read the same /assets list endpoint.
 */
export const Asset = z.object({
  id: z.string(),
  rank: z.string(),
  symbol: z.string(),
  name: z.string(),
  priceUsd: z.string().nullable(),
  marketCapUsd: z.string().nullable(),
  volumeUsd24Hr: z.string().nullable(),
  changePercent24Hr: z.string().nullable(),
});
export type Asset = z.infer<typeof Asset>;

/** The `{ data, timestamp }` envelope of v2 and v3 (timestamp in epoch ms). */
export const Envelope = z.object({ data: z.array(Asset), timestamp: z.number().int() });

export const maybeNum = (s: string | null): number | undefined => (s === null ? undefined : Number(s));

/** CoinCap lists some tickers the canonical model cannot hold (dots, lower-case unicode …). */
export const isCanonicalSymbol = (s: string): boolean => /^[A-Za-z0-9]{1,20}$/.test(s.trim());
