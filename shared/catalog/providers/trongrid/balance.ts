import { z } from 'zod';
import { defineCapability } from '../../define';
import { formatUnits } from '../../units';
import { refuseTron, TRX_DECIMALS } from '../../tron';

// Sun as a JSON integer; `balance` is absent for an account holding 0 TRX; data is [] for an unactivated one.
const Account = z.object({ balance: z.number().int().nonnegative().optional() });

export const balance = defineCapability('balance', {
  request: ({ chain, address }) => refuseTron(chain, address) ?? { path: `/v1/accounts/${address}` },
  response: z.object({ success: z.literal(true), data: z.array(Account) }),
  transform: ({ data }, { chain, address }, ctx) => ({
    chain,
    address,
    amount: formatUnits(BigInt(data[0]?.balance ?? 0), TRX_DECIMALS),
    ts: ctx.now,
  }),
});
