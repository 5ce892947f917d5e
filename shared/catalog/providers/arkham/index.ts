import type { Classified } from '../../../engine/adapter';
import { defineProvider } from '../../define';
import { whaleTransfers } from './whale-transfers';

/** Errors: {"error": "…"} with a 4xx status ("error validating API key" on 401). */
function classify(body: unknown, status: number): Classified | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body) || typeof body.error !== 'string') return undefined;
  const message = body.error;
  if (status === 401 || status === 403 || /api key/i.test(message)) return { kind: 'auth', message };
  if (status === 429 || /rate limit|too many/i.test(message)) return { kind: 'rate_limited', message };
  return { kind: 'upstream_error', message };
}

/**
 * Arkham Intel API: attributed on-chain transfers filtered by historical USD value (usdGte).
 * Every REST call needs an `API-Key` header (keys are granted through Arkham's API dashboard).
 */
export const arkham = defineProvider({
  id: 'arkham',
  name: 'Arkham Intel',
  category: 'whales',
  baseUrl: 'https://api.arkm.com',
  docs: 'https://arkm.com/llms/guides/api-keys-authentication.md',
  auth: { kind: 'header', param: 'API-Key', env: ['ARKHAM_KEY'], optional: false },
  // Documented: /transfers is held to 1 request per second, stricter than the rest of the API.
  limits: { perSecond: 1, perMinute: 30 },
  cors: false,
  tier: 'medium',
  weight: 1,
  // Written from the published OpenAPI and its Postman collection; no recorded response yet.
  verified: false,
  capabilities: { 'whale-transfers': whaleTransfers },
  classify,
});
