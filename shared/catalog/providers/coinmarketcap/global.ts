import { z } from 'zod';
import { defineCapability } from '../../define';

const Body = z.object({
  data: z.object({
    btc_dominance: z.number(),
    eth_dominance: z.number(),
    quote: z.object({ USD: z.object({ total_market_cap: z.number(), total_volume_24h: z.number() }) }),
    last_updated: z.string(),
  }),
});

export const global = defineCapability('global', {
  request: () => ({ path: '/v1/global-metrics/quotes/latest', query: { convert: 'USD' } }),
  response: Body,
  transform: ({ data }) => ({
    totalMarketCapUsd: data.quote.USD.total_market_cap,
    totalVolumeUsd: data.quote.USD.total_volume_24h,
    dominance: { BTC: data.btc_dominance, ETH: data.eth_dominance },
    ts: Date.parse(data.last_updated),
  }),
});
