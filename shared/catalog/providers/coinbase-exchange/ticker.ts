import { z } from 'zod';
import { defineCapability } from '../../define';
import { dashPair } from '../../pairs';
import { positive } from '../../units';

const Body = z.object({
  price: z.string(),
  bid: z.string(),
  ask: z.string(),
  volume: z.string(),
  time: z.iso.datetime({ offset: true }),
});

export const ticker = defineCapability('ticker', {
  request: ({ pair }) => ({ path: `/products/${dashPair(pair)}/ticker` }),
  // The last trade with best bid/ask and 24 h base volume; high and low live on /stats.
  response: Body,
  transform: (t, { pair }) => ({
    pair,
    last: Number(t.price),
    bid: positive(t.bid),
    ask: positive(t.ask),
    baseVolume24h: Number(t.volume),
    ts: Date.parse(t.time),
  }),
});
