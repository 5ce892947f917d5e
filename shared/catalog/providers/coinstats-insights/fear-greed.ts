import { z } from 'zod';
import { defineCapability } from '../../define';

// timestamp is unix seconds; documented as a number, some clients see it as a string.
const Point = z.object({ value: z.number(), value_classification: z.string(), timestamp: z.union([z.number(), z.string()]).optional() });

/**
 * /insights/fear-and-greed answers three readings: now, yesterday and last week (not a series).
 * Readings without a timestamp are skipped; the list is newest first.
 */
export const fearGreed = defineCapability('fear-greed', {
  request: () => ({ path: '/insights/fear-and-greed' }),
  response: z.object({ now: Point, yesterday: Point.optional(), lastWeek: Point.optional() }),
  transform: (raw, { limit }) =>
    [raw.now, raw.yesterday, raw.lastWeek]
      .flatMap((p) => {
        const ts = p?.timestamp === undefined ? Number.NaN : Number(p.timestamp) * 1000;
        return p && Number.isFinite(ts) && ts > 0 ? [{ value: Math.round(p.value), label: p.value_classification, ts }] : [];
      })
      .sort((a, b) => b.ts - a.ts)
      .slice(0, limit),
});
