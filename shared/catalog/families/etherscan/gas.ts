import { z } from 'zod';
import { defineCapability } from '../../define';
import { refuse, type ExplorerChain } from './config';

// Gwei as decimal strings (whole numbers before 2024, fractions like "0.4968" since).
const Oracle = z.object({
  LastBlock: z.string(),
  SafeGasPrice: z.string(),
  ProposeGasPrice: z.string(),
  FastGasPrice: z.string(),
  suggestBaseFee: z.string().optional(),
});

export const gas = (cfg: ExplorerChain) =>
  defineCapability('gas', {
    request: ({ chain }) =>
      refuse(cfg, chain) ?? { path: '', query: { chainid: cfg.chainid, module: 'gastracker', action: 'gasoracle' } },
    // Keyless answers say "OK-Missing/Invalid API Key, rate limit of 1/5sec applied": still status "1".
    response: z.object({ status: z.literal('1'), result: Oracle }),
    transform: ({ result: r }, { chain }, ctx) => ({
      chain,
      slow: Number(r.SafeGasPrice),
      standard: Number(r.ProposeGasPrice),
      fast: Number(r.FastGasPrice),
      baseFee: r.suggestBaseFee === undefined ? undefined : Number(r.suggestBaseFee),
      unit: 'gwei' as const,
      ts: ctx.now,
    }),
  });
