import { z } from 'zod';
import { defineCapability } from '../../define';
import { CoinSymbol } from '../../../model';

// Entities (exchanges, funds) are named when Arkham has attributed the address.
const Party = z.object({ address: z.string(), arkhamEntity: z.object({ name: z.string() }).nullish() });
// blockTimestamp is ISO-8601; unitValue is whole tokens; historicalUSD is the value at transfer time.
const Transfer = z.object({
  transactionHash: z.string(),
  chain: z.string(),
  tokenSymbol: z.string().nullish(),
  unitValue: z.number().nullish(),
  historicalUSD: z.number().nullish(),
  fromAddress: Party,
  toAddress: Party,
  blockTimestamp: z.string(),
});

/** Arkham chain ids for our canonical chains; Arbitrum is `arbitrum_one` there. */
const ARKHAM_CHAIN: Record<string, string> = {
  ethereum: 'ethereum', bsc: 'bsc', polygon: 'polygon', arbitrum: 'arbitrum_one', optimism: 'optimism', base: 'base', tron: 'tron', bitcoin: 'bitcoin',
};

const party = (p: z.infer<typeof Party>) => (p.arkhamEntity?.name ? `${p.arkhamEntity.name} (${p.address})` : p.address);

export const whaleTransfers = defineCapability('whale-transfers', {
  request: ({ minUsd, chain }) => ({
    path: '/transfers',
    query: { usdGte: Math.round(minUsd), timeLast: '1h', sortKey: 'time', sortDir: 'desc', limit: 100, chains: chain === undefined ? undefined : ARKHAM_CHAIN[chain] },
  }),
  response: z.object({ transfers: z.array(Transfer).nullish() }),
  // Transfers without a price, a canonical symbol or a readable time are skipped, not fatal.
  transform: ({ transfers }, { minUsd }) =>
    (transfers ?? []).flatMap((t) => {
      const symbol = t.tokenSymbol ?? '';
      const ts = Date.parse(t.blockTimestamp);
      const amount = t.unitValue ?? 0;
      const amountUsd = t.historicalUSD ?? 0;
      if (!CoinSymbol.safeParse(symbol).success || amount <= 0 || amountUsd < minUsd || Number.isNaN(ts)) return [];
      return [{ hash: t.transactionHash, chain: t.chain, symbol: symbol.toUpperCase(), amount, amountUsd, from: party(t.fromAddress), to: party(t.toAddress), t: ts }];
    }),
});
