import { z } from 'zod';
import { defineCapability } from '../../define';
import { chainFor } from './chains';

// The stats object differs per chain; both carry best_block_height as a JSON integer.
const Stats = z.object({ data: z.object({ best_block_height: z.number().int().nonnegative() }) });

export const blockHeight = defineCapability('block-height', {
  request: ({ chain }) => {
    const c = chainFor(chain);
    return typeof c === 'string' ? c : { path: `/${c.path}/stats` };
  },
  response: Stats,
  transform: ({ data }, { chain }, ctx) => ({ chain, height: data.best_block_height, ts: ctx.now }),
});
