import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';

const Coin = z.object({ symbol: z.string(), price: z.number(), timestamp: z.number().int(), confidence: z.number().optional() });

// Coins are addressed as `coingecko:<id>` (or `chain:address`); ids come from the CoinGecko map.
export const price = defineCapability('price', {
  request: ({ symbols, vs }, ctx) => {
    if (vs !== 'USD') return `DefiLlama quotes only USD, not ${vs}`;
    const keys = symbols.map((s) => ctx.symbolId(s)).filter((id): id is string => id !== undefined);
    return keys.length === 0 ? `no CoinGecko id for ${symbols.join(',')}` : { path: `/prices/current/${keys.map((id) => `coingecko:${id}`).join(',')}` };
  },
  // Unknown coins are simply absent: {"coins": {}} is "no result", not an error.
  response: z.object({ coins: z.record(z.string(), Coin) }),
  transform: ({ coins }, { symbols, vs }, ctx) => {
    const quotes = symbols.flatMap((symbol) => {
      const id = ctx.symbolId(symbol);
      const c = id === undefined ? undefined : coins[`coingecko:${id}`];
      return c ? [{ symbol, vs, price: c.price, ts: c.timestamp * 1000 }] : [];
    });
    return quotes.length > 0 ? quotes : unsupported(`DefiLlama has no price for ${symbols.join(',')}`);
  },
});
