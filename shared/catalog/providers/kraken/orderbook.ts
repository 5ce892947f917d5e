import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';
import { krakenEntry, krakenPair } from '../../pairs';
import { envelope } from './envelope';

// [price, volume, time s]
const Level = z.tuple([z.string(), z.string(), z.number()]);
const Book = z.object({ asks: z.array(Level), bids: z.array(Level) });

export const orderbook = defineCapability('orderbook', {
  request: ({ pair, depth }) => ({ path: '/Depth', query: { pair: krakenPair(pair), count: depth } }),
  response: envelope(Book),
  // Keyed by the legacy name for old markets (`XBTUSD` answers as `XXBTZUSD`); best first already.
  transform: ({ result }, { pair, depth }) => {
    const book = krakenEntry(result, pair);
    if (book === undefined || typeof book !== 'object') return unsupported(`Kraken has no book for ${pair}`);
    const level = ([p, a]: [string, string, number]): [number, number] => [Number(p), Number(a)];
    const times = [...book.bids, ...book.asks].map(([, , t]) => t);
    return {
      pair,
      bids: book.bids.slice(0, depth).map(level),
      asks: book.asks.slice(0, depth).map(level),
      ts: times.length > 0 ? Math.round(Math.max(...times) * 1000) : undefined,
    };
  },
});
