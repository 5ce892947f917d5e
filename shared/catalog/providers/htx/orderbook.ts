import { z } from 'zod';
import { defineCapability } from '../../define';
import { lowerConcatPair } from '../../pairs-exchanges';
import { envelope } from './envelope';

const Level = z.tuple([z.number(), z.number()]);

/** `depth` takes 5, 10 or 20 only; without it step0 answers 150 levels. */
const depthParam = (depth: number): number | undefined => [5, 10, 20].find((d) => d >= depth);

export const orderbook = defineCapability('orderbook', {
  request: ({ pair, depth }) => ({ path: '/market/depth', query: { symbol: lowerConcatPair(pair), type: 'step0', depth: depthParam(depth) } }),
  response: envelope({ tick: z.object({ bids: z.array(Level), asks: z.array(Level), ts: z.number().int() }) }),
  transform: ({ tick }, { pair, depth }) => ({ pair, bids: tick.bids.slice(0, depth), asks: tick.asks.slice(0, depth), ts: tick.ts }),
});
