import { z } from 'zod';
import { defineCapability } from '../../define';
import { CoinSymbol } from '../../../model';

const Party = z.object({ address: z.string(), owner: z.string().optional(), owner_type: z.string().optional() });
// `timestamp` in seconds; amounts are JSON numbers in whole coins and in USD.
const Transfer = z.object({
  blockchain: z.string(),
  symbol: z.string(),
  hash: z.string(),
  from: Party,
  to: Party,
  timestamp: z.number().int().nonnegative(),
  amount: z.number(),
  amount_usd: z.number(),
});

/** Whale Alert blockchain names for our canonical chains (the others are not tracked there). */
const BLOCKCHAIN: Partial<Record<string, string>> = { ethereum: 'ethereum', bitcoin: 'bitcoin', tron: 'tron', polygon: 'polygon' };

export const whaleTransfers = defineCapability('whale-transfers', {
  request: ({ minUsd, chain }, ctx) => {
    const blockchain = chain === undefined ? undefined : BLOCKCHAIN[chain];
    if (chain !== undefined && blockchain === undefined) return `Whale Alert does not track ${chain}`;
    // The free plan reaches back one hour and refuses min_value below 500,000 USD.
    const start = Math.floor(ctx.now / 1000) - 3600;
    return { path: '/transactions', query: { start, min_value: Math.max(Math.round(minUsd), 500_000), blockchain } };
  },
  response: z.object({ result: z.literal('success'), transactions: z.array(Transfer).optional() }),
  transform: ({ transactions = [] }, { minUsd }) =>
    transactions
      // Symbols outside the canonical form, zero amounts and transfers under the threshold are skipped.
      .filter((t) => CoinSymbol.safeParse(t.symbol).success && t.amount > 0 && t.amount_usd >= minUsd)
      .map((t) => ({
        hash: t.hash,
        chain: t.blockchain,
        symbol: t.symbol.toUpperCase(),
        amount: t.amount,
        amountUsd: t.amount_usd,
        from: t.from.owner ? `${t.from.owner} (${t.from.address})` : t.from.address,
        to: t.to.owner ? `${t.to.owner} (${t.to.address})` : t.to.address,
        t: t.timestamp * 1000,
      })),
});
