import { z } from 'zod';
import { defineCapability } from '../../define';
import { refuseTron } from '../../tron';

export const blockHeight = defineCapability('block-height', {
  // A full node's latest block; POST with an empty body.
  request: ({ chain }) => refuseTron(chain) ?? { path: '/wallet/getnowblock', method: 'POST', body: {} },
  response: z.object({ block_header: z.object({ raw_data: z.object({ number: z.number().int().nonnegative() }) }) }),
  transform: ({ block_header }, { chain }, ctx) => ({ chain, height: block_header.raw_data.number, ts: ctx.now }),
});
