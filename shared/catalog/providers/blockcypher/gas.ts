import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';
import { weiToGwei } from '../../units';
import { pathFor } from './chains';

const N = z.number().nonnegative();
// Bitcoin: *_fee_per_kb in satoshi per kilobyte. Ethereum: *_gas_price in wei (integers).
const Info = z.object({
  low_fee_per_kb: N.optional(),
  medium_fee_per_kb: N.optional(),
  high_fee_per_kb: N.optional(),
  low_gas_price: N.optional(),
  medium_gas_price: N.optional(),
  high_gas_price: N.optional(),
});

export const gas = defineCapability('gas', {
  request: ({ chain }) => {
    const path = pathFor(chain);
    return path ? { path } : `BlockCypher serves bitcoin and ethereum, not ${chain}`;
  },
  response: Info,
  transform: (r, { chain }, ctx) => {
    if (chain === 'bitcoin') {
      if (r.low_fee_per_kb === undefined || r.medium_fee_per_kb === undefined || r.high_fee_per_kb === undefined) return unsupported('no fee estimates');
      const perVb = (perKb: number) => perKb / 1000;
      return { chain, slow: perVb(r.low_fee_per_kb), standard: perVb(r.medium_fee_per_kb), fast: perVb(r.high_fee_per_kb), unit: 'sat/vB' as const, ts: ctx.now };
    }
    if (r.low_gas_price === undefined || r.medium_gas_price === undefined || r.high_gas_price === undefined) return unsupported('no gas prices');
    const gwei = (wei: number) => weiToGwei(BigInt(Math.round(wei)));
    return { chain, slow: gwei(r.low_gas_price), standard: gwei(r.medium_gas_price), fast: gwei(r.high_gas_price), unit: 'gwei' as const, ts: ctx.now };
  },
});
