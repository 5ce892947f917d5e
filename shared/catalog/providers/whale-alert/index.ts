import type { Classified } from '../../../engine/adapter';
import { defineProvider } from '../../define';
import { whaleTransfers } from './whale-transfers';

/** Errors: {"result": "error", "message": "…"} with HTTP 400/401/429. */
function classify(body: unknown): Classified | undefined {
  if (typeof body !== 'object' || body === null || !('result' in body) || body.result !== 'error') return undefined;
  const message = 'message' in body && typeof body.message === 'string' ? body.message : 'error';
  if (/limit|too many/i.test(message)) return { kind: 'rate_limited', message };
  if (/api.?key|unauthori|plan/i.test(message)) return { kind: 'auth', message };
  return { kind: 'upstream_error', message };
}

/** Whale Alert REST v1: large on-chain transfers with USD value and owner attribution. Key required. */
export const whaleAlert = defineProvider({
  id: 'whale-alert',
  name: 'Whale Alert',
  category: 'whales',
  baseUrl: 'https://api.whale-alert.io/v1',
  docs: 'https://docs.whale-alert.io',
  auth: { kind: 'query', param: 'api_key', env: ['WHALE_ALERT_KEY'], optional: false },
  // v1 free plan: 10 requests a minute (personal plan: 60).
  limits: { perMinute: 10 },
  cors: false,
  tier: 'high',
  weight: 1,
  verified: false,
  capabilities: { 'whale-transfers': whaleTransfers },
  classify,
});
