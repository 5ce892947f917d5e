import { z } from 'zod';
import { defineCapability } from '../../define';
import { formatUnits } from '../../units';
import { refuse, type ExplorerChain } from './config';

export const balance = (cfg: ExplorerChain) =>
  defineCapability('balance', {
    request: ({ chain, address }) =>
      refuse(cfg, chain, address) ?? {
        path: '',
        query: { chainid: cfg.chainid, module: 'account', action: 'balance', address, tag: 'latest' },
      },
    // Wei as a decimal string.
    response: z.object({ status: z.literal('1'), result: z.string().regex(/^\d+$/) }),
    transform: ({ result }, { chain, address }, ctx) => ({ chain, address, amount: formatUnits(result, cfg.decimals), ts: ctx.now }),
  });
