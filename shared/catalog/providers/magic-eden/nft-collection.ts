import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';
import { formatUnits } from '../../units';

const LAMPORTS = 9;

// Solana stats: prices and volumes in lamports (integers), counts as numbers; no owner or supply figure.
const Stats = z.object({
  symbol: z.string(),
  floorPrice: z.number().int().nonnegative().optional(),
  listedCount: z.number().int().nonnegative().optional(),
  volume24hr: z.number().nonnegative().optional(),
  volumeAll: z.number().nonnegative().optional(),
});

const sol = (lamports: number): number => Number(formatUnits(BigInt(Math.round(lamports)), LAMPORTS));

export const nftCollection = defineCapability('nft-collection', {
  // Magic Eden symbols use underscores (`okay_bears`); canonical slugs cannot, so `-` stands for `_`.
  request: ({ slug }) => ({ path: `/v2/collections/${slug.replaceAll('-', '_')}/stats` }),
  response: Stats,
  transform: (raw, { slug }) => {
    if (raw.floorPrice === undefined) return unsupported(`Magic Eden has no floor for ${slug}`);
    return {
      slug,
      floorPrice: sol(raw.floorPrice),
      currency: 'SOL',
      ...(raw.volume24hr !== undefined ? { volume24h: sol(raw.volume24hr) } : {}),
    };
  },
});
