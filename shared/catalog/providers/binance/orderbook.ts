import { z } from 'zod';
import { defineCapability } from '../../define';
import { concatPair } from '../../pairs';

const Level = z.tuple([z.string(), z.string()]);
const level = ([p, a]: [string, string]): [number, number] => [Number(p), Number(a)];

/** Request weight grows with the depth asked for (docs: 5 up to 100 levels, 25 to 500). */
const weightFor = (depth: number): number => (depth <= 100 ? 5 : 25);

export const orderbook = defineCapability('orderbook', {
  request: ({ pair, depth }) => ({
    path: '/api/v3/depth',
    query: { symbol: concatPair(pair), limit: depth },
    weight: weightFor(depth),
  }),
  response: z.object({ lastUpdateId: z.number().int(), bids: z.array(Level), asks: z.array(Level) }),
  // Already best first on both sides; the snapshot carries no time.
  transform: ({ bids, asks }, { pair, depth }) => ({
    pair,
    bids: bids.slice(0, depth).map(level),
    asks: asks.slice(0, depth).map(level),
  }),
});
