import { z } from 'zod';
import { defineCapability } from '../../define';
import { TRX_DECIMALS, refuseTron } from '../../tron';
import { formatUnits } from '../../units';

// `amount` is sun, a string in current answers (a number in older ones); timestamps are ms.
const Sun = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]);
const Row = z.object({
  hash: z.string(),
  timestamp: z.number().int().nonnegative(),
  ownerAddress: z.string(),
  toAddress: z.string().optional(),
  amount: Sun.optional(),
  contractRet: z.string().optional(),
  cost: z.object({ fee: z.number().int().nonnegative().optional() }).optional(),
});

export const transactions = defineCapability('transactions', {
  request: ({ chain, address, limit }) =>
    refuseTron(chain, address) ?? { path: '/transaction', query: { address, sort: '-timestamp', limit: Math.min(limit, 50), start: 0, count: true } },
  response: z.object({ data: z.array(Row) }),
  transform: ({ data }, { limit }) =>
    data.slice(0, limit).map((tx) => ({
      hash: tx.hash,
      t: tx.timestamp,
      from: tx.ownerAddress,
      to: tx.toAddress ?? '',
      value: formatUnits(BigInt(tx.amount ?? 0), TRX_DECIMALS),
      fee: tx.cost?.fee === undefined ? undefined : formatUnits(BigInt(tx.cost.fee), TRX_DECIMALS),
      status: tx.contractRet === undefined || tx.contractRet === 'SUCCESS' ? ('ok' as const) : ('failed' as const),
    })),
});
