import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';
import { refuse, type BlockscoutChain } from './config';

export const blockHeight = (cfg: BlockscoutChain) =>
  defineCapability('block-height', {
    // Not /stats: its total_blocks is a count that can lag the head by days.
    request: ({ chain }) => refuse(cfg, chain) ?? { path: '/main-page/blocks' },
    response: z.array(z.object({ height: z.number().int().nonnegative() })),
    transform: (blocks, { chain }, ctx) => {
      if (blocks.length === 0) return unsupported('no recent blocks');
      return { chain, height: Math.max(...blocks.map((b) => b.height)), ts: ctx.now };
    },
  });
