import { z } from 'zod';
import { defineCapability } from '../../define';
import { refuseBitcoin, satsToBtc } from '../../utxo';

// Satoshi sums as JSON integers (all BTC ever is 2.1e15 sat, inside 2^53).
const Stats = z.object({ funded_txo_sum: z.number().int().nonnegative(), spent_txo_sum: z.number().int().nonnegative() });

export const balance = defineCapability('balance', {
  request: ({ chain, address }) => refuseBitcoin(chain, address) ?? { path: `/address/${address}` },
  response: z.object({ address: z.string(), chain_stats: Stats }),
  // Confirmed balance: what the chain has settled; mempool_stats is still in flight.
  transform: ({ chain_stats: s }, { chain, address }, ctx) => ({
    chain,
    address,
    amount: satsToBtc(BigInt(s.funded_txo_sum) - BigInt(s.spent_txo_sum)),
    ts: ctx.now,
  }),
});
