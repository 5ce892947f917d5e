import type { Classified } from '../../../engine/adapter';
import { defineProvider } from '../../define';
import { balance } from './balance';
import { tokenInfo } from './token-info';

/** Errors come as {error: {code, message}}, often with HTTP 4xx: 1 bad key, 104/150 bad address, 429 limits. */
function classify(body: unknown): Classified | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error = body.error;
  if (typeof error !== 'object' || error === null) return undefined;
  const code = 'code' in error ? Number(error.code) : 0;
  const message = 'message' in error && typeof error.message === 'string' ? error.message : `error ${code}`;
  if (code === 429 || /limit/i.test(message)) return { kind: 'rate_limited', message };
  if (code === 1 || /api ?key/i.test(message)) return { kind: 'auth', message };
  return { kind: 'upstream_error', message };
}

/** Ethplorer: ERC-20 token info and ETH balances. `freekey` is the documented public key; a own key raises limits. */
export const ethplorer = defineProvider({
  id: 'ethplorer',
  name: 'Ethplorer',
  category: 'explorer',
  baseUrl: 'https://api.ethplorer.io',
  docs: 'https://github.com/EverexIO/Ethplorer/wiki/Ethplorer-API',
  auth: { kind: 'query', param: 'apiKey', env: ['ETHPLORER_KEY'], optional: true },
  // freekey: 2 requests per second, 1,000 per hour.
  limits: { perSecond: 2, perHour: 1000 },
  cors: true,
  tier: 'high',
  weight: 2,
  verified: true,
  capabilities: { 'token-info': tokenInfo, balance },
  classify,
});
