import { z } from 'zod';
import { defineCapability } from '../../define';
import { refuseBitcoin, satsToBtc } from '../../utxo';

export const balance = defineCapability('balance', {
  // Bitcoin only: ETH balances come as JSON numbers of wei, which lose precision above 2^53.
  request: ({ chain, address }) => refuseBitcoin(chain, address) ?? { path: `/btc/main/addrs/${address}/balance` },
  // Satoshi integers; `balance` is confirmed, `final_balance` includes unconfirmed.
  response: z.object({ address: z.string(), balance: z.number().int().nonnegative() }),
  transform: (r, { chain, address }, ctx) => ({ chain, address, amount: satsToBtc(r.balance), ts: ctx.now }),
});
