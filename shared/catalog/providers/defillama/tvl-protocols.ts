import { z } from 'zod';
import { defineCapability } from '../../define';

// Newer responses add parentProtocol, listedAt, hallmarks …; only what we read is declared.
const Row = z.object({
  name: z.string(),
  slug: z.string(),
  tvl: z.number().nullable(),
  change_1d: z.number().nullable().optional(),
  chains: z.array(z.string()),
  category: z.string().nullable().optional(),
});

export const tvlProtocols = defineCapability('tvl-protocols', {
  request: () => ({ path: '/protocols' }),
  response: z.array(Row),
  // The list is unpaged (thousands of rows): rank by TVL here, skip rows without one.
  transform: (rows, { limit }) =>
    rows
      .filter((r): r is typeof r & { tvl: number } => r.tvl !== null && r.tvl >= 0 && r.slug.length > 0 && r.name.length > 0)
      .sort((a, b) => b.tvl - a.tvl)
      .slice(0, limit)
      .map((r) => ({
        name: r.name,
        slug: r.slug,
        tvlUsd: r.tvl,
        change1dPct: r.change_1d ?? undefined,
        chains: r.chains,
        category: r.category ?? undefined,
      })),
});
