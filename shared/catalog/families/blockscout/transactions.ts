import { z } from 'zod';
import { defineCapability } from '../../define';
import { formatUnits } from '../../units';
import { refuse, type BlockscoutChain } from './config';

const Wei = z.string().regex(/^\d+$/);
const Party = z.object({ hash: z.string() }).nullable();
// `to` is null for contract creations; `status` is null while pending; timestamps are ISO 8601.
const Item = z.object({
  hash: z.string(),
  timestamp: z.iso.datetime({ offset: true }).nullable(),
  from: Party,
  to: Party,
  value: Wei,
  fee: z.object({ value: Wei.nullable() }).nullable(),
  status: z.enum(['ok', 'error']).nullable(),
});

export const transactions = (cfg: BlockscoutChain) =>
  defineCapability('transactions', {
    // Newest first, 50 per page; an address with no history answers {items: []}.
    request: ({ chain, address }) => refuse(cfg, chain, address) ?? { path: `/addresses/${address}/transactions` },
    response: z.object({ items: z.array(Item) }),
    transform: ({ items }, { limit }, ctx) =>
      items.slice(0, limit).map((tx) => ({
        hash: tx.hash,
        t: tx.timestamp === null ? ctx.now : Date.parse(tx.timestamp),
        from: tx.from?.hash ?? '',
        to: tx.to?.hash ?? '',
        value: formatUnits(tx.value, cfg.decimals),
        fee: tx.fee?.value ? formatUnits(tx.fee.value, cfg.decimals) : undefined,
        status: tx.status === 'error' ? ('failed' as const) : ('ok' as const),
      })),
  });
