import { z } from 'zod';
import { defineCapability } from '../../define';
import { refuseTron, TRX_DECIMALS } from '../../tron';
import { formatUnits } from '../../units';

// Sun as a JSON integer; an unactivated account answers {} or balance 0.
export const balance = defineCapability('balance', {
  request: ({ chain, address }) => refuseTron(chain, address) ?? { path: '/account', query: { address } },
  response: z.object({ balance: z.number().int().nonnegative().optional() }),
  transform: (r, { chain, address }, ctx) => ({ chain, address, amount: formatUnits(BigInt(r.balance ?? 0), TRX_DECIMALS), ts: ctx.now }),
});
