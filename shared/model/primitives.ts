import { z } from 'zod';

/** Chains the product knows. Ids are fixed: other tools call them. */
export const CHAINS = ['ethereum', 'bsc', 'polygon', 'arbitrum', 'optimism', 'base', 'tron', 'bitcoin'] as const;
export const Chain = z.enum(CHAINS);
export type Chain = z.infer<typeof Chain>;

/** Canonical upper-case ticker: `BTC`, `USDT`, `1INCH`. */
export const CoinSymbol = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]+$/, 'a symbol is letters and digits, e.g. BTC'));

/** A pair is `BASE/QUOTE`, e.g. `BTC/USDT`. */
export const Pair = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{1,20}\/[A-Z0-9]{1,20}$/, 'a pair is BASE/QUOTE, e.g. BTC/USDT'));

/** Epoch milliseconds, UTC. */
export const EpochMs = z.number().int().nonnegative();

export const FinitePositive = z.number().finite().positive();
export const FiniteNonNegative = z.number().finite().nonnegative();

/** On-chain amounts are decimal strings in native units, never floats of wei. */
export const DecimalString = z.string().regex(/^\d+(\.\d+)?$/, 'a non-negative decimal string');

export const Address = z.string().trim().min(20).max(128).regex(/^[A-Za-z0-9]+$/, 'an address is letters and digits');

export const INTERVALS = ['1m', '5m', '15m', '1h', '4h', '1d', '1w'] as const;
export const Interval = z.enum(INTERVALS);
export type Interval = z.infer<typeof Interval>;

export const INTERVAL_MS: Record<Interval, number> = {
  '1m': 60_000,
  '5m': 300_000,
  '15m': 900_000,
  '1h': 3_600_000,
  '4h': 14_400_000,
  '1d': 86_400_000,
  '1w': 604_800_000,
};

export const splitPair = (pair: string): [base: string, quote: string] => {
  const [base = '', quote = ''] = pair.split('/');
  return [base, quote];
};
