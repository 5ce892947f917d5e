import { z } from 'zod';
import { defineCapability } from '../../define';
import { legsToTransfer, refuseBitcoin, satsToBtc } from '../../utxo';

const Sats = z.number().int().nonnegative();
const Out = z.object({ addr: z.string().optional(), value: Sats });
// rawaddr: newest first; coinbase inputs have `prev_out` absent or null; `time` in seconds.
const RawTx = z.object({
  hash: z.string(),
  time: z.number().int().nonnegative(),
  fee: Sats,
  inputs: z.array(z.object({ prev_out: Out.nullish() })),
  out: z.array(Out),
});

export const transactions = defineCapability('transactions', {
  request: ({ chain, address, limit }) =>
    refuseBitcoin(chain, address) ?? { path: `/rawaddr/${address}`, query: { limit: Math.min(limit, 50) } },
  response: z.object({ address: z.string(), txs: z.array(RawTx) }),
  transform: ({ txs }, { address, limit }) =>
    txs.slice(0, limit).map((tx) => {
      const leg = (o: z.infer<typeof Out>) => ({ address: o.addr, sats: BigInt(o.value) });
      const inputs = tx.inputs.map((i) => (i.prev_out ? leg(i.prev_out) : { address: undefined, sats: 0n }));
      const move = legsToTransfer(address, inputs, tx.out.map(leg));
      return {
        hash: tx.hash,
        t: tx.time * 1000,
        from: move.from,
        to: move.to,
        value: satsToBtc(move.sats),
        fee: satsToBtc(tx.fee),
        status: 'ok' as const,
      };
    }),
});
