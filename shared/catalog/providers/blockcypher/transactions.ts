import { z } from 'zod';
import { defineCapability } from '../../define';
import { legsToTransfer, refuseBitcoin, satsToBtc } from '../../utxo';

const Sats = z.number().int().nonnegative();
// `addresses` is null for non-standard scripts; coinbase inputs have no addresses.
const Addrs = z.array(z.string()).nullish();
const Full = z.object({
  hash: z.string(),
  received: z.iso.datetime({ offset: true }),
  confirmed: z.iso.datetime({ offset: true }).optional(),
  fees: Sats,
  inputs: z.array(z.object({ addresses: Addrs, output_value: Sats.optional() })),
  outputs: z.array(z.object({ addresses: Addrs, value: Sats })),
});

export const transactions = defineCapability('transactions', {
  request: ({ chain, address, limit }) =>
    refuseBitcoin(chain, address) ?? { path: `/btc/main/addrs/${address}/full`, query: { limit: Math.min(limit, 50) } },
  response: z.object({ address: z.string(), txs: z.array(Full) }),
  transform: ({ txs }, { address, limit }) =>
    txs.slice(0, limit).map((tx) => {
      const inputs = tx.inputs.map((i) => ({ address: i.addresses?.[0], sats: BigInt(i.output_value ?? 0) }));
      const outputs = tx.outputs.map((o) => ({ address: o.addresses?.[0], sats: BigInt(o.value) }));
      const move = legsToTransfer(address, inputs, outputs);
      return {
        hash: tx.hash,
        t: Date.parse(tx.confirmed ?? tx.received),
        from: move.from,
        to: move.to,
        value: satsToBtc(move.sats),
        fee: satsToBtc(tx.fees),
        status: 'ok' as const,
      };
    }),
});
