import type { Chain } from '../../../model';

export interface NodeChain {
  readonly chain: Chain;
  /** Decimals of the native coin (18 on every EVM chain so far). */
  readonly decimals: number;
}
