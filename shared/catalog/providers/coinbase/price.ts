import { z } from 'zod';
import { defineCapability } from '../../define';

const Body = z.object({
  // `base` appeared later; older answers carry only amount and currency.
  data: z.object({ amount: z.string(), base: z.string().optional(), currency: z.string() }),
});

export const price = defineCapability('price', {
  // One pair per request; a multi-symbol query is left to providers that batch.
  request: ({ symbols, vs }) =>
    symbols.length === 1 ? { path: `/prices/${symbols[0]}-${vs}/spot` } : 'Coinbase prices one symbol per request',
  response: Body,
  // The spot price carries no time of its own.
  transform: ({ data }, { symbols, vs }, ctx) => [{ symbol: data.base ?? symbols[0] ?? '', vs, price: Number(data.amount), ts: ctx.now }],
});
