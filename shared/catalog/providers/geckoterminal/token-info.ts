import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';
import { formatUnits } from '../../units';
import { NETWORKS } from './networks';

// JSON:API envelope; numbers are decimal strings; total_supply is in base units with a `.0` tail.
const Token = z.object({
  data: z.object({
    attributes: z.object({
      address: z.string(),
      name: z.string(),
      symbol: z.string(),
      decimals: z.number().int().min(0).max(255),
      total_supply: z.string().nullable(),
      normalized_total_supply: z.string().nullable().optional(),
      price_usd: z.string().nullable(),
    }),
  }),
});

const INTEGER = /^(\d+)(?:\.0*)?$/;
const DECIMAL = /^\d+(\.\d+)?$/;

export const tokenInfo = defineCapability('token-info', {
  request: ({ chain, address }) => {
    const network = NETWORKS[chain];
    return network ? { path: `/api/v2/networks/${network}/tokens/${address}` } : `GeckoTerminal has no ${chain} tokens`;
  },
  response: Token,
  transform: ({ data: { attributes: a } }) => {
    // Exact whole-token supply from base units; GeckoTerminal's normalized figure is rounded.
    const raw = a.total_supply?.match(INTEGER)?.[1];
    const normalized = a.normalized_total_supply ?? undefined;
    const totalSupply = raw !== undefined ? formatUnits(raw, a.decimals) : normalized && DECIMAL.test(normalized) ? normalized : undefined;
    if (totalSupply === undefined) return unsupported(`GeckoTerminal sent no total supply for ${a.address}`);
    const price = a.price_usd === null ? NaN : Number(a.price_usd);
    return {
      address: a.address,
      name: a.name,
      symbol: a.symbol,
      decimals: a.decimals,
      totalSupply,
      ...(Number.isFinite(price) && price > 0 ? { priceUsd: price } : {}),
    };
  },
});
