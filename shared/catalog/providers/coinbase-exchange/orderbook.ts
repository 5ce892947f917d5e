import { z } from 'zod';
import { defineCapability } from '../../define';
import { dashPair } from '../../pairs';

// Level 2: [price, size, number of orders]
const Level = z.tuple([z.string(), z.string()], z.unknown());
const level = ([p, a]: readonly [string, string, ...unknown[]]): [number, number] => [Number(p), Number(a)];

export const orderbook = defineCapability('orderbook', {
  request: ({ pair }) => ({ path: `/products/${dashPair(pair)}/book`, query: { level: 2 } }),
  // Newer answers add `time`; `sequence` orders snapshots against the feed.
  response: z.object({
    bids: z.array(Level),
    asks: z.array(Level),
    sequence: z.number(),
    time: z.iso.datetime({ offset: true }).optional(),
  }),
  transform: (b, { pair, depth }) => ({
    pair,
    bids: b.bids.slice(0, depth).map(level),
    asks: b.asks.slice(0, depth).map(level),
    ts: b.time === undefined ? undefined : Date.parse(b.time),
  }),
});
