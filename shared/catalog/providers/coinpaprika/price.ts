import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';

const Quote = z.object({
  price: z.number(),
  volume_24h: z.number().nullable().optional(),
  market_cap: z.number().nullable().optional(),
  // Percentages carry float32 noise (0.5899999737739563); kept as sent.
  percent_change_24h: z.number().nullable().optional(),
});

export const price = defineCapability('price', {
  // /v1/tickers/{id} answers one coin; the full /v1/tickers list (thousands of coins) is too
  // heavy to fetch per quote, so several symbols go to another provider.
  request: ({ symbols, vs }, ctx) => {
    if (symbols.length !== 1) return 'CoinPaprika serves one symbol per request';
    const [symbol = ''] = symbols;
    const id = ctx.symbolId(symbol);
    return id === undefined ? `no CoinPaprika id for ${symbol}` : { path: `/tickers/${id}`, query: { quotes: vs } };
  },
  response: z.object({ symbol: z.string(), last_updated: z.string(), quotes: z.record(z.string(), Quote) }),
  transform: (raw, { symbols, vs }) => {
    const q = raw.quotes[vs] ?? unsupported(`CoinPaprika sent no ${vs} quote`);
    const symbol = symbols[0] ?? raw.symbol;
    return [
      {
        symbol,
        vs,
        price: q.price,
        change24hPct: q.percent_change_24h ?? undefined,
        volume24h: q.volume_24h ?? undefined,
        marketCap: q.market_cap ?? undefined,
        ts: Date.parse(raw.last_updated),
      },
    ];
  },
});
