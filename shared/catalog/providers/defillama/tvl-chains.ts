import { z } from 'zod';
import { defineCapability } from '../../define';

// gecko_id, tokenSymbol and cmcId are null for chains without a token; we read none of them.
const Row = z.object({ name: z.string(), tvl: z.number().nullable() });

export const tvlChains = defineCapability('tvl-chains', {
  request: () => ({ path: '/v2/chains' }),
  response: z.array(Row),
  transform: (rows) =>
    rows
      .filter((r): r is { name: string; tvl: number } => r.tvl !== null && r.tvl >= 0 && r.name.length > 0)
      .sort((a, b) => b.tvl - a.tvl)
      .map((r) => ({ chain: r.name, tvlUsd: r.tvl })),
});
