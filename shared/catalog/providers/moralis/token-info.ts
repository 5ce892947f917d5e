import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';
import { formatUnits } from '../../units';

// decimals and total_supply arrive as strings (total_supply in raw units); also logo, links, spam flags.
const Token = z.object({
  address: z.string(),
  name: z.string().nullish(),
  symbol: z.string().nullish(),
  decimals: z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]),
  total_supply: z.string().regex(/^\d+$/).nullish(),
  usd_price: z.number().nullish(),
});

/** Moralis chain names for the EVM chains we know; Tron and Bitcoin are not EVM. */
const MORALIS_CHAIN: Partial<Record<string, string>> = { ethereum: 'eth', bsc: 'bsc', polygon: 'polygon', arbitrum: 'arbitrum', optimism: 'optimism', base: 'base' };

/** GET /erc20/metadata answers a list (one entry per requested address); one address is asked. */
export const tokenInfo = defineCapability('token-info', {
  request: ({ chain, address }) => {
    const moralisChain = MORALIS_CHAIN[chain];
    if (moralisChain === undefined) return `Moralis serves EVM chains only, not ${chain}`;
    if (!/^0x[0-9a-fA-F]{40}$/.test(address)) return `${address} is not an EVM token address`;
    return { path: '/erc20/metadata', query: { chain: moralisChain, 'addresses[0]': address } };
  },
  response: z.array(Token).max(25),
  transform: (tokens, { address }) => {
    const t = tokens.find((x) => x.address.toLowerCase() === address.toLowerCase()) ?? unsupported(`Moralis has no metadata for ${address}`);
    const decimals = Number(t.decimals);
    if (decimals > 255) unsupported(`implausible decimals ${decimals}`);
    return {
      address: t.address,
      name: t.name ?? '',
      symbol: t.symbol ?? '',
      decimals,
      // Whole tokens: the raw integer divided by 10^decimals, exactly.
      totalSupply: formatUnits(t.total_supply ?? '0', decimals),
      priceUsd: t.usd_price != null && t.usd_price > 0 ? t.usd_price : undefined,
    };
  },
});
