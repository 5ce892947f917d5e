import { z } from 'zod';
import { defineCapability } from '../../define';
import { formatUnits } from '../../units';
import { refuseEthereum } from './refuse';

// ETH.balance is a float (inexact); ETH.rawBalance is the exact wei string, which is what we read.
const Info = z.object({ address: z.string(), ETH: z.object({ rawBalance: z.string().regex(/^\d+$/) }) });

export const balance = defineCapability('balance', {
  // showETHtotals=false and no token list keep the answer small.
  request: ({ chain, address }) =>
    refuseEthereum(chain, address) ?? { path: `/getAddressInfo/${address}`, query: { apiKey: 'freekey', showETHtotals: false } },
  response: Info,
  transform: ({ ETH }, { chain, address }, ctx) => ({ chain, address, amount: formatUnits(ETH.rawBalance, 18), ts: ctx.now }),
});
