import type { Chain } from '../../../model';
import type { LimitSpec, Tier } from '../../../engine/adapter';
import { defineProvider, type Provider } from '../../define';
import { balance } from './balance';
import { blockHeight } from './block-height';
import { gas } from './gas';
import { classify } from './rpc';

export { REWARD_PERCENTILES } from './gas';
export { classify as classifyJsonRpc } from './rpc';

export interface JsonRpcNodeOptions<Id extends string> {
  readonly id: Id;
  readonly name: string;
  readonly chain: Chain;
  /** The node's HTTPS endpoint, without a trailing slash; calls POST to it directly. */
  readonly url: string;
  readonly docs: string;
  /** Public nodes rarely publish limits; the default stays well under what they tolerate. */
  readonly limits?: LimitSpec;
  readonly cors?: boolean;
  readonly tier?: Tier;
  readonly weight?: number;
  readonly decimals?: number;
  /** True only when the family's adapters parse real recorded node responses. */
  readonly verified?: boolean;
}

/** A keyless public Ethereum-style JSON-RPC node: block height, gas (one eth_feeHistory), balance. */
export function jsonRpcNode<const Id extends string>(o: JsonRpcNodeOptions<Id>): Provider<Id> {
  const node = { chain: o.chain, decimals: o.decimals ?? 18 };
  return defineProvider({
    id: o.id,
    name: o.name,
    category: 'rpc',
    baseUrl: o.url,
    docs: o.docs,
    limits: o.limits ?? { perSecond: 5 },
    // Public nodes serve browser wallets and send CORS headers.
    cors: o.cors ?? true,
    tier: o.tier ?? 'high',
    weight: o.weight ?? 1,
    verified: o.verified ?? false,
    capabilities: { 'block-height': blockHeight(node), gas: gas(node), balance: balance(node) },
    classify,
  });
}
