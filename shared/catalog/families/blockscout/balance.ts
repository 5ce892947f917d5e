import { z } from 'zod';
import { defineCapability } from '../../define';
import { formatUnits } from '../../units';
import { refuse, type BlockscoutChain } from './config';

export const balance = (cfg: BlockscoutChain) =>
  defineCapability('balance', {
    request: ({ chain, address }) => refuse(cfg, chain, address) ?? { path: `/addresses/${address}` },
    // Wei as a decimal string; null for an address the indexer has not fetched a balance for yet.
    response: z.object({ hash: z.string(), coin_balance: z.string().regex(/^\d+$/).nullable() }),
    transform: ({ coin_balance }, { chain, address }, ctx) => ({
      chain,
      address,
      amount: formatUnits(coin_balance ?? '0', cfg.decimals),
      ts: ctx.now,
    }),
  });
