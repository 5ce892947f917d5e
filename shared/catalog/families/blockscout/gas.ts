import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';
import { refuse, type BlockscoutChain } from './config';

// Gwei. Most instances send plain numbers; some newer ones send {price, fiat_price, time}; null while unknown.
const Price = z.union([z.number().nonnegative(), z.object({ price: z.number().nonnegative() })]).nullable();
const gwei = (p: z.infer<typeof Price>): number | undefined => (p === null ? undefined : typeof p === 'number' ? p : p.price);

export const gas = (cfg: BlockscoutChain) =>
  defineCapability('gas', {
    request: ({ chain }) => refuse(cfg, chain) ?? { path: '/stats' },
    response: z.object({ gas_prices: z.object({ slow: Price, average: Price, fast: Price }).nullable() }),
    transform: ({ gas_prices: g }, { chain }, ctx) => {
      const [slow, standard, fast] = [gwei(g?.slow ?? null), gwei(g?.average ?? null), gwei(g?.fast ?? null)];
      if (slow === undefined || standard === undefined || fast === undefined) return unsupported('this instance has no gas oracle');
      return { chain, slow, standard, fast, unit: 'gwei' as const, ts: ctx.now };
    },
  });
