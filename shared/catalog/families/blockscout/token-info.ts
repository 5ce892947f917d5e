import { z } from 'zod';
import { defineCapability } from '../../define';
import { formatUnits } from '../../units';
import { refuse, type BlockscoutChain } from './config';

const Int = z.string().regex(/^\d+$/);
// Field names moved between releases: address -> address_hash, holders -> holders_count.
const Token = z.object({
  address: z.string().optional(),
  address_hash: z.string().optional(),
  name: z.string().nullable(),
  symbol: z.string().nullable(),
  decimals: Int.nullable(),
  total_supply: Int.nullable(),
  holders: Int.nullable().optional(),
  holders_count: Int.nullable().optional(),
  exchange_rate: z.string().nullable().optional(),
});

export const tokenInfo = (cfg: BlockscoutChain) =>
  defineCapability('token-info', {
    request: ({ chain, address }) => refuse(cfg, chain, address) ?? { path: `/tokens/${address}` },
    response: Token,
    transform: (t, { address }) => {
      const decimals = Number(t.decimals ?? '0');
      const holders = t.holders_count ?? t.holders;
      const price = t.exchange_rate ? Number(t.exchange_rate) : undefined;
      return {
        address: t.address_hash ?? t.address ?? address,
        name: t.name ?? '',
        symbol: t.symbol ?? '',
        decimals,
        // Total supply in whole tokens (the raw integer divided by 10^decimals, exactly).
        totalSupply: formatUnits(t.total_supply ?? '0', decimals),
        priceUsd: price !== undefined && price > 0 ? price : undefined,
        holders: holders == null ? undefined : Number(holders),
      };
    },
  });
