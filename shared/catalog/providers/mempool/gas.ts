import { z } from 'zod';
import { defineCapability } from '../../define';
import { refuseBitcoin } from '../../utxo';

// sat/vB; integers in older deployments, decimals (3.25) in newer ones.
const Fees = z.object({
  fastestFee: z.number().nonnegative(),
  halfHourFee: z.number().nonnegative(),
  hourFee: z.number().nonnegative(),
  economyFee: z.number().nonnegative().optional(),
  minimumFee: z.number().nonnegative(),
});

export const gas = defineCapability('gas', {
  request: ({ chain }) => refuseBitcoin(chain) ?? { path: '/v1/fees/recommended' },
  response: Fees,
  // Next block is "fast", half an hour "standard", an hour "slow"; the floor is the base fee.
  transform: (r, { chain }, ctx) => ({
    chain,
    slow: r.hourFee,
    standard: r.halfHourFee,
    fast: r.fastestFee,
    baseFee: r.minimumFee,
    unit: 'sat/vB' as const,
    ts: ctx.now,
  }),
});
