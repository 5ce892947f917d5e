import { z } from 'zod';
import { defineCapability } from '../../define';
import { formatUnits } from '../../units';
import { refuseEthereum } from './refuse';

// decimals and totalSupply are strings; `price` is false for tokens without a market.
const Token = z.object({
  address: z.string(),
  name: z.string(),
  symbol: z.string(),
  decimals: z.string().regex(/^\d+$/),
  totalSupply: z.string().regex(/^\d+$/),
  holdersCount: z.number().int().nonnegative().optional(),
  price: z.union([z.literal(false), z.object({ rate: z.number().nullable().optional() })]).optional(),
});

export const tokenInfo = defineCapability('token-info', {
  request: ({ chain, address }) => refuseEthereum(chain, address) ?? { path: `/getTokenInfo/${address}`, query: { apiKey: 'freekey' } },
  response: Token,
  transform: (t) => {
    const decimals = Number(t.decimals);
    const rate = t.price ? t.price.rate : undefined;
    return {
      address: t.address,
      name: t.name,
      symbol: t.symbol,
      decimals,
      // Whole tokens: the raw integer divided by 10^decimals, exactly.
      totalSupply: formatUnits(t.totalSupply, decimals),
      priceUsd: typeof rate === 'number' && rate > 0 ? rate : undefined,
      holders: t.holdersCount,
    };
  },
});
