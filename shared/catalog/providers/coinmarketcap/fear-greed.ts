import { z } from 'zod';
import { defineCapability } from '../../define';

// Documented: timestamp is unix seconds sent as a string; value is an integer 0-100.
const Point = z.object({ timestamp: z.union([z.string(), z.number()]), value: z.number(), value_classification: z.string() });

/** CMC Crypto Fear and Greed Index, /v3/fear-and-greed/historical (newest first; limit up to 500). */
export const fearGreed = defineCapability('fear-greed', {
  request: ({ limit }) => ({ path: '/v3/fear-and-greed/historical', query: { limit: Math.min(limit, 500) } }),
  response: z.object({ data: z.array(Point) }),
  transform: ({ data }) =>
    data
      .map((p) => ({ value: Math.round(p.value), label: p.value_classification, ts: Number(p.timestamp) * 1000 }))
      .sort((a, b) => b.ts - a.ts),
});
