import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';
import { refuseTron } from '../../tron';

export const blockHeight = defineCapability('block-height', {
  request: ({ chain }) => refuseTron(chain) ?? { path: '/block', query: { sort: '-number', limit: 1, start: 0 } },
  response: z.object({ data: z.array(z.object({ number: z.number().int().nonnegative() })) }),
  transform: ({ data }, { chain }, ctx) => {
    const latest = data[0];
    if (!latest) return unsupported('no blocks in the answer');
    return { chain, height: latest.number, ts: ctx.now };
  },
});
