import { z } from 'zod';
import { defineCapability } from '../../define';
import { formatUnits, toBigInt } from '../../units';
import { refuse, type ExplorerChain } from './config';

const Int = z.string().regex(/^\d+$/);
// Every number is a decimal string; `to` is "" for contract creations; isError is "0" or "1".
const Row = z.object({
  hash: z.string(),
  timeStamp: Int,
  from: z.string(),
  to: z.string(),
  value: Int,
  gasPrice: Int,
  gasUsed: Int,
  isError: z.enum(['0', '1']),
});

export const transactions = (cfg: ExplorerChain) =>
  defineCapability('transactions', {
    request: ({ chain, address, limit }) =>
      refuse(cfg, chain, address) ?? {
        path: '',
        query: { chainid: cfg.chainid, module: 'account', action: 'txlist', address, page: 1, offset: limit, sort: 'desc' },
      },
    // An address with no history answers status "0", "No transactions found", result [] — an empty list.
    response: z.object({ status: z.enum(['0', '1']), result: z.array(Row) }),
    transform: ({ result }, { limit }) =>
      result.slice(0, limit).map((tx) => ({
        hash: tx.hash,
        t: Number(tx.timeStamp) * 1000,
        from: tx.from,
        to: tx.to,
        value: formatUnits(tx.value, cfg.decimals),
        fee: formatUnits(toBigInt(tx.gasUsed) * toBigInt(tx.gasPrice), cfg.decimals),
        status: tx.isError === '1' ? ('failed' as const) : ('ok' as const),
      })),
  });
