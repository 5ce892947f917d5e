import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';
import { krakenEntry, krakenPair } from '../../pairs';
import { envelope } from './envelope';

// a/b: [price, whole lot volume, lot volume]; c: [price, volume]; v/p/h/l: [today, last 24 h].
export const TickerEntry = z.object({
  a: z.tuple([z.string()], z.string()),
  b: z.tuple([z.string()], z.string()),
  c: z.tuple([z.string()], z.string()),
  v: z.tuple([z.string(), z.string()]),
  p: z.tuple([z.string(), z.string()]),
  l: z.tuple([z.string(), z.string()]),
  h: z.tuple([z.string(), z.string()]),
});

export const price = defineCapability('price', {
  request: ({ symbols, vs }) => ({ path: '/Ticker', query: { pair: symbols.map((s) => krakenPair(`${s}/${vs}`)).join(',') } }),
  response: envelope(TickerEntry),
  transform: ({ result }, { symbols, vs }, ctx) => {
    const quotes = symbols.flatMap((symbol) => {
      const e = krakenEntry(result, `${symbol}/${vs}`, symbols.length === 1);
      if (e === undefined || typeof e !== 'object') return [];
      // 24 h volume in the quote currency: base volume times the 24 h volume-weighted price.
      return [{ symbol, vs, price: Number(e.c[0]), volume24h: Number(e.v[1]) * Number(e.p[1]), ts: ctx.now }];
    });
    return quotes.length > 0 ? quotes : unsupported(`Kraken has no ${vs} price for ${symbols.join(',')}`);
  },
});
