import type { Classified } from '../../../engine/adapter';
import { defineProvider } from '../../define';
import { balance } from './balance';
import { blockHeight } from './block-height';
import { gas } from './gas';
import { transactions } from './transactions';

/** Errors are {"error": "…"} (HTTP 4xx/429): "Limits reached." is a rate limit. */
function classify(body: unknown): Classified | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body) || typeof body.error !== 'string') return undefined;
  if (/limit/i.test(body.error)) return { kind: 'rate_limited', message: body.error };
  if (/token/i.test(body.error)) return { kind: 'auth', message: body.error };
  return { kind: 'upstream_error', message: body.error };
}

/** BlockCypher: Bitcoin and Ethereum chain info (height, fee/gas estimates), Bitcoin balance and history. */
export const blockcypher = defineProvider({
  id: 'blockcypher',
  name: 'BlockCypher',
  category: 'explorer',
  baseUrl: 'https://api.blockcypher.com/v1',
  docs: 'https://www.blockcypher.com/dev/bitcoin/',
  // A free token raises the keyless limits (3/s, 100/h) to the free plan's.
  auth: { kind: 'query', param: 'token', env: ['BLOCKCYPHER_KEY'], optional: true },
  limits: { perSecond: 3, perHour: 100 },
  cors: true,
  tier: 'medium',
  weight: 1,
  verified: false,
  capabilities: { gas, balance, transactions, 'block-height': blockHeight },
  classify,
});
