import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';
import { usdViaUsdt } from '../../pairs';

const Row = z.object({ symbol: z.string(), price: z.string() });

export const price = defineCapability('price', {
  // Binance lists no USD pairs: canonical `vs=USD` is answered from the USDT pair (see usdViaUsdt).
  request: ({ symbols, vs }) => {
    const names = symbols.map((s) => `${s}${usdViaUsdt(vs)}`);
    return names.length === 1
      ? { path: '/api/v3/ticker/price', query: { symbol: names[0] }, weight: 2 }
      : { path: '/api/v3/ticker/price', query: { symbols: JSON.stringify(names) }, weight: 4 };
  },
  // One symbol answers an object, several an array.
  response: z.union([Row, z.array(Row)]),
  transform: (raw, { symbols, vs }, ctx) => {
    const rows = Array.isArray(raw) ? raw : [raw];
    const quote = usdViaUsdt(vs);
    const quotes = symbols.flatMap((symbol) => {
      const row = rows.find((r) => r.symbol === `${symbol}${quote}`);
      return row ? [{ symbol, vs, price: Number(row.price), ts: ctx.now }] : [];
    });
    return quotes.length > 0 ? quotes : unsupported(`Binance has no ${quote} price for ${symbols.join(',')}`);
  },
});
