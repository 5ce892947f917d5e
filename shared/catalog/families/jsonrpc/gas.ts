import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';
import { toBigInt, weiToGwei } from '../../units';
import { call, envelope, Quantity } from './rpc';
import type { NodeChain } from './config';

/** Priority-fee percentiles asked for: slow, standard, fast. */
export const REWARD_PERCENTILES = [10, 50, 90] as const;
const BLOCKS = 5;

const FeeHistory = z.object({
  oldestBlock: Quantity,
  /** One per block plus one: the LAST entry is the next block's base fee. */
  baseFeePerGas: z.array(Quantity).min(1),
  /** Per block, one tip per requested percentile. */
  reward: z.array(z.array(Quantity)).optional(),
});

const median = (xs: bigint[]): bigint => {
  const s = [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return s[Math.floor((s.length - 1) / 2)] ?? 0n;
};

export const gas = (node: NodeChain) =>
  defineCapability('gas', {
    // One request: recent blocks' base fees and tip percentiles.
    request: ({ chain }) =>
      chain === node.chain
        ? call('eth_feeHistory', [`0x${BLOCKS.toString(16)}`, 'latest', REWARD_PERCENTILES])
        : `this node serves ${node.chain}, not ${chain}`,
    response: envelope(FeeHistory),
    transform: ({ result }, { chain }, ctx) => {
      const next = toBigInt(result.baseFeePerGas.at(-1) ?? '0x0');
      const rows = (result.reward ?? []).filter((r) => r.length > 0);
      if (rows.length === 0) return unsupported('eth_feeHistory answered without reward percentiles');
      const width = Math.min(...rows.map((r) => r.length));
      // Median tip per percentile column across blocks. Columns are read by position (first,
      // middle, last), so an answer with another number of percentiles still maps sensibly.
      const tip = (col: number) => median(rows.map((r) => toBigInt(r[col] ?? '0x0')));
      const at = (col: number) => weiToGwei(next + tip(col));
      return {
        chain,
        slow: at(0),
        standard: at(Math.floor((width - 1) / 2)),
        fast: at(width - 1),
        baseFee: weiToGwei(next),
        unit: 'gwei' as const,
        ts: ctx.now,
      };
    },
  });
