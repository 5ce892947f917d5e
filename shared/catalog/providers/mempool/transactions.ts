import { z } from 'zod';
import { defineCapability } from '../../define';
import { legsToTransfer, refuseBitcoin, satsToBtc } from '../../utxo';

const Sats = z.number().int().nonnegative();
const Out = z.object({ scriptpubkey_address: z.string().optional(), value: Sats });
// Esplora transaction: coinbase inputs have `prevout: null`; unconfirmed ones have no block_time.
const EsploraTx = z.object({
  txid: z.string(),
  status: z.object({ confirmed: z.boolean(), block_time: z.number().int().optional() }),
  fee: Sats,
  vin: z.array(z.object({ prevout: Out.nullable() })),
  vout: z.array(Out),
});

export const transactions = defineCapability('transactions', {
  // Newest first: up to 50 mempool transactions, then 25 confirmed ones.
  request: ({ chain, address }) => refuseBitcoin(chain, address) ?? { path: `/address/${address}/txs` },
  response: z.array(EsploraTx),
  transform: (txs, { address, limit }, ctx) =>
    txs.slice(0, limit).map((tx) => {
      const leg = (o: z.infer<typeof Out>) => ({ address: o.scriptpubkey_address, sats: BigInt(o.value) });
      const inputs = tx.vin.map((i) => (i.prevout ? leg(i.prevout) : { address: undefined, sats: 0n }));
      const move = legsToTransfer(address, inputs, tx.vout.map(leg));
      return {
        hash: tx.txid,
        t: tx.status.block_time === undefined ? ctx.now : tx.status.block_time * 1000,
        from: move.from,
        to: move.to,
        value: satsToBtc(move.sats),
        fee: satsToBtc(BigInt(tx.fee)),
        status: 'ok' as const,
      };
    }),
});
