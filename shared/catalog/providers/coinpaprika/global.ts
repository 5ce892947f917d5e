import { z } from 'zod';
import { defineCapability } from '../../define';

const Body = z.object({
  market_cap_usd: z.number(),
  volume_24h_usd: z.number(),
  bitcoin_dominance_percentage: z.number(),
  last_updated: z.number().int(),
});

export const global = defineCapability('global', {
  request: () => ({ path: '/global' }),
  response: Body,
  // Only Bitcoin's dominance is reported.
  transform: (raw) => ({
    totalMarketCapUsd: raw.market_cap_usd,
    totalVolumeUsd: raw.volume_24h_usd,
    dominance: { BTC: raw.bitcoin_dominance_percentage },
    ts: raw.last_updated * 1000,
  }),
});
