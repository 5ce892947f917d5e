import type { Chain } from '../../../model';
import type { LimitSpec, Tier } from '../../../engine/adapter';
import { defineProvider, type Provider } from '../../define';
import { balance } from './balance';
import { blockHeight } from './block-height';
import { gas } from './gas';
import { tokenInfo } from './token-info';
import { transactions } from './transactions';

export interface BlockscoutFamilyOptions<Id extends string> {
  readonly id: Id;
  readonly name: string;
  /** Instance host, e.g. `eth.blockscout.com`; the family adds `/api/v2`. */
  readonly host: string;
  readonly chain: Chain;
  /** Keyless instances allow about 5 requests per second per IP (Blockscout's default). */
  readonly limits?: LimitSpec;
  readonly tier?: Tier;
  readonly weight?: number;
  readonly decimals?: number;
  /** True only when this instance's adapters parse real recorded responses. */
  readonly verified?: boolean;
}

/**
 * One Blockscout instance through its REST API v2 (https://<host>/api/v2): gas from /stats,
 * balance, transactions, block height and token info. Errors come as HTTP statuses
 * (404 {"message": "Not found"}, 422 for a malformed hash), so no body classification is needed.
 */
export function blockscoutFamily<const Id extends string>(o: BlockscoutFamilyOptions<Id>): Provider<Id> {
  const cfg = { chain: o.chain, decimals: o.decimals ?? 18 };
  return defineProvider({
    id: o.id,
    name: o.name,
    category: 'explorer',
    baseUrl: `https://${o.host}/api/v2`,
    docs: 'https://docs.blockscout.com/devs/apis/rest',
    // Keyless works; a free key from the Blockscout dev portal raises the per-IP limit.
    auth: { kind: 'query', param: 'apikey', env: ['BLOCKSCOUT_KEY'], optional: true },
    limits: o.limits ?? { perSecond: 5 },
    cors: true,
    tier: o.tier ?? 'high',
    weight: o.weight ?? 2,
    verified: o.verified ?? false,
    capabilities: {
      gas: gas(cfg),
      balance: balance(cfg),
      transactions: transactions(cfg),
      'block-height': blockHeight(cfg),
      'token-info': tokenInfo(cfg),
    },
  });
}
