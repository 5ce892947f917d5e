import { z } from 'zod';
import { CoinSymbol } from '../../../model';
import { defineCapability } from '../../define';

// Each token also carries address, decimals, liquidity, volume24hUSD, rank and logoURI.
const Token = z.object({ symbol: z.string().nullish(), name: z.string().nullish() });

/**
 * /defi/token_trending: Birdeye's trending on-chain tokens for one chain (Solana here), by rank.
 * Memecoin tickers that fail the canonical symbol form are skipped, not fatal.
 */
export const trending = defineCapability('trending', {
  request: () => ({ path: '/defi/token_trending', query: { sort_by: 'rank', sort_type: 'asc', offset: 0, limit: 20 }, headers: { 'x-chain': 'solana' } }),
  response: z.object({ data: z.object({ tokens: z.array(Token) }) }),
  transform: ({ data }) =>
    // The list comes sorted by rank; its position is the rank (the field itself may start at 0).
    data.tokens.flatMap((t, i) => {
      const symbol = t.symbol?.trim() ?? '';
      if (!CoinSymbol.safeParse(symbol).success) return [];
      return [{ symbol, name: t.name?.trim() || symbol, rank: i + 1 }];
    }),
});
