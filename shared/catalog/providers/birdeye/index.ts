import type { Classified } from '../../../engine/adapter';
import { defineProvider } from '../../define';
import { trending } from './trending';

/** Errors: {"success": false, "message": "…"} (401 without a key, 429 over the plan's rate). */
function classify(body: unknown, status: number): Classified | undefined {
  if (typeof body !== 'object' || body === null || !('success' in body) || body.success !== false) return undefined;
  const message = 'message' in body && typeof body.message === 'string' ? body.message : 'Birdeye error';
  if (status === 401 || status === 403 || /api key|unauthori/i.test(message)) return { kind: 'auth', message };
  if (status === 429 || /limit|too many/i.test(message)) return { kind: 'rate_limited', message };
  return { kind: 'upstream_error', message };
}

/** Birdeye Data Services: on-chain token analytics (DEX-traded tokens, Solana first). Key required. */
export const birdeye = defineProvider({
  id: 'birdeye',
  name: 'Birdeye',
  category: 'market',
  baseUrl: 'https://public-api.birdeye.so',
  docs: 'https://docs.birdeye.so/',
  auth: { kind: 'header', param: 'X-API-KEY', env: ['BIRDEYE_KEY'], optional: false },
  // Free (Standard) plan: 1 request a second and a monthly compute-unit budget.
  limits: { perSecond: 1, perMinute: 60 },
  cors: true,
  tier: 'low',
  weight: 1,
  // Written from the documentation and public client code; no recorded response yet.
  verified: false,
  capabilities: { trending },
  classify,
});
