import { z } from 'zod';
import { defineCapability } from '../../define';

const Body = z.object({
  data: z.object({
    total_market_cap: z.record(z.string(), z.number()),
    total_volume: z.record(z.string(), z.number()),
    market_cap_percentage: z.record(z.string(), z.number()),
    updated_at: z.number().int(),
  }),
});

export const global = defineCapability('global', {
  request: () => ({ path: '/global' }),
  response: Body,
  transform: ({ data }) => ({
    totalMarketCapUsd: data.total_market_cap.usd ?? NaN,
    totalVolumeUsd: data.total_volume.usd ?? NaN,
    dominance: Object.fromEntries(Object.entries(data.market_cap_percentage).map(([k, v]) => [k.toUpperCase(), v])),
    ts: data.updated_at * 1000,
  }),
});
