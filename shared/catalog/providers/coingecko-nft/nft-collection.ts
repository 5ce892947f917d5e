import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';

const Money = z.object({ native_currency: z.number().nonnegative().nullable(), usd: z.number().nullable().optional() });

// /nfts/{id}: prices as {native_currency, usd}; `native_currency` at top level is a coin id (`ethereum`).
const Nft = z.object({
  id: z.string(),
  native_currency: z.string(),
  native_currency_symbol: z.string().optional(),
  floor_price: Money,
  volume_24h: Money.optional(),
  number_of_unique_addresses: z.number().nonnegative().nullable().optional(),
  total_supply: z.number().nonnegative().nullable().optional(),
});

export const nftCollection = defineCapability('nft-collection', {
  request: ({ slug }) => ({ path: `/api/v3/nfts/${slug}` }),
  response: Nft,
  transform: (raw, { slug }) => {
    const floor = raw.floor_price.native_currency;
    if (floor === null) return unsupported(`CoinGecko has no floor for ${slug}`);
    const volume = raw.volume_24h?.native_currency;
    const owners = raw.number_of_unique_addresses;
    return {
      slug,
      floorPrice: floor,
      currency: (raw.native_currency_symbol || raw.native_currency).toUpperCase(),
      ...(volume != null ? { volume24h: volume } : {}),
      ...(owners != null ? { owners: Math.round(owners) } : {}),
      ...(raw.total_supply != null ? { supply: raw.total_supply } : {}),
    };
  },
});
