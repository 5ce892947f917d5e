import { z } from 'zod';
import { defineCapability } from '../../define';
import { pathFor } from './chains';

export const ChainInfo = z.object({ name: z.string(), height: z.number().int().nonnegative() });

export const blockHeight = defineCapability('block-height', {
  request: ({ chain }) => {
    const path = pathFor(chain);
    return path ? { path } : `BlockCypher serves bitcoin and ethereum, not ${chain}`;
  },
  response: ChainInfo,
  transform: ({ height }, { chain }, ctx) => ({ chain, height, ts: ctx.now }),
});
