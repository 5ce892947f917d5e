import type { Chain } from '../../../model';
import type { LimitSpec, Tier } from '../../../engine/adapter';
import { defineProvider, type Provider } from '../../define';
import { balance } from './balance';
import { blockHeight } from './block-height';
import { classify } from './classify';
import { gas } from './gas';
import { transactions } from './transactions';

export { classify as classifyEtherscan } from './classify';

export interface EtherscanFamilyOptions<Id extends string> {
  readonly id: Id;
  readonly name: string;
  /** Etherscan V2 chain id. */
  readonly chainid: number;
  readonly chain: Chain;
  /** Explorer docs for this chain (defaults to the Etherscan V2 docs). */
  readonly docs?: string;
  /** V2 uses one key for every chain: `ETHERSCAN_KEY` (and `_1`, `_2` … for rotation). */
  readonly env?: readonly string[];
  /** Free plan: 5 calls per second and 100,000 per day, per key, across all chains. */
  readonly limits?: LimitSpec;
  readonly tier?: Tier;
  readonly weight?: number;
  readonly decimals?: number;
  /** True only when this chain's adapters parse real recorded responses. */
  readonly verified?: boolean;
}

/**
 * One Etherscan-V2 explorer (https://api.etherscan.io/v2/api?chainid=…): gas oracle, balance,
 * transactions, block height. BscScan, PolygonScan, Arbiscan, Optimism and BaseScan are each one call.
 */
export function etherscanFamily<const Id extends string>(o: EtherscanFamilyOptions<Id>): Provider<Id> {
  const cfg = { chainid: o.chainid, chain: o.chain, decimals: o.decimals ?? 18 };
  return defineProvider({
    id: o.id,
    name: o.name,
    category: 'explorer',
    baseUrl: 'https://api.etherscan.io/v2/api',
    docs: o.docs ?? 'https://docs.etherscan.io/etherscan-v2',
    // V2 refuses keyless calls ("Missing/Invalid API Key").
    auth: { kind: 'query', param: 'apikey', env: o.env ?? ['ETHERSCAN_KEY'], optional: false },
    limits: o.limits ?? { perSecond: 5, perDay: 100_000 },
    cors: true,
    tier: o.tier ?? 'high',
    weight: o.weight ?? 2,
    verified: o.verified ?? false,
    capabilities: {
      gas: gas(cfg),
      balance: balance(cfg),
      transactions: transactions(cfg),
      'block-height': blockHeight(cfg),
    },
    classify,
  });
}
