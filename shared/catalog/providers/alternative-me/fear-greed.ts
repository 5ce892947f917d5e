import { z } from 'zod';
import { defineCapability } from '../../define';

// Values and timestamps (unix seconds) arrive as strings; only data[0] carries time_until_update.
const Point = z.object({ value: z.string(), value_classification: z.string(), timestamp: z.string() });

export const fearGreed = defineCapability('fear-greed', {
  request: ({ limit }) => ({ path: '/fng/', query: { limit } }),
  response: z.object({ data: z.array(Point) }),
  // Upstream is newest first already; sorting keeps that promise if it ever changes.
  transform: ({ data }) =>
    data
      .map((p) => ({ value: Number(p.value), label: p.value_classification, ts: Number(p.timestamp) * 1000 }))
      .sort((a, b) => b.ts - a.ts),
});
