import type { Chain } from '../../../model';

/** GeckoTerminal network ids for the chains we know (bitcoin has no DEX tokens). */
export const NETWORKS: Partial<Record<Chain, string>> = {
  ethereum: 'eth',
  bsc: 'bsc',
  polygon: 'polygon_pos',
  arbitrum: 'arbitrum',
  optimism: 'optimism',
  base: 'base',
  tron: 'tron',
};
