import { z } from 'zod';
import { defineCapability } from '../../define';
import { quantityToNumber } from '../../units';
import { refuse, type ExplorerChain } from './config';

export const blockHeight = (cfg: ExplorerChain) =>
  defineCapability('block-height', {
    request: ({ chain }) =>
      refuse(cfg, chain) ?? { path: '', query: { chainid: cfg.chainid, module: 'proxy', action: 'eth_blockNumber' } },
    // The proxy module answers a JSON-RPC envelope, not {status, message, result}.
    response: z.object({ jsonrpc: z.string(), result: z.string().regex(/^0x[0-9a-fA-F]+$/) }),
    transform: ({ result }, { chain }, ctx) => ({ chain, height: quantityToNumber(result), ts: ctx.now }),
  });
