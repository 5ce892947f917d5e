import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';
import { refuseBitcoin, satsToBtc } from '../../utxo';

// {"<address>": {final_balance, n_tx, total_received}} in satoshi integers.
const Balances = z.record(z.string(), z.object({ final_balance: z.number().int().nonnegative() }));

export const balance = defineCapability('balance', {
  request: ({ chain, address }) => refuseBitcoin(chain, address) ?? { path: '/balance', query: { active: address } },
  response: Balances,
  transform: (body, { chain, address }, ctx) => {
    const entry = body[address];
    if (!entry) return unsupported(`no balance for ${address}`);
    return { chain, address, amount: satsToBtc(entry.final_balance), ts: ctx.now };
  },
});
