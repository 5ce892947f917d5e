import { z } from 'zod';
import { defineCapability } from '../../define';
import { refuseBitcoin } from '../../utxo';

export const blockHeight = defineCapability('block-height', {
  // Plain text: the height of the best block as a bare integer.
  format: 'text',
  request: ({ chain }) => refuseBitcoin(chain) ?? { path: '/q/getblockcount' },
  response: z.string().trim().regex(/^\d+$/, 'a block height'),
  transform: (text, { chain }, ctx) => ({ chain, height: Number(text.trim()), ts: ctx.now }),
});
