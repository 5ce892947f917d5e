import { defineProvider } from '../../define';
import { price } from './price';

/** LiveCoinWatch API v1: every call is a POST with a JSON body and the `x-api-key` header. */
export const livecoinwatch = defineProvider({
  id: 'livecoinwatch',
  name: 'LiveCoinWatch',
  category: 'market',
  baseUrl: 'https://api.livecoinwatch.com',
  docs: 'https://livecoinwatch.github.io/lcw-api-docs/',
  auth: { kind: 'header', param: 'x-api-key', env: ['LIVECOINWATCH_KEY'], optional: false },
  // Free plan: 10,000 daily credits (1 per call).
  limits: { perDay: 10_000 },
  // No CORS headers are documented; browsers go through the relay.
  cors: false,
  tier: 'medium',
  weight: 1,
  verified: true,
  capabilities: { price },
  classify(body) {
    // Errors: {"error": {"code": 401, "status": "Unauthorized", "description": "..."}}.
    if (typeof body !== 'object' || body === null || Array.isArray(body) || !('error' in body)) return undefined;
    const error = (body as { error: unknown }).error;
    const e = typeof error === 'object' && error !== null ? (error as { code?: unknown; description?: unknown }) : {};
    const message = typeof e.description === 'string' ? e.description : 'LiveCoinWatch error';
    if (e.code === 401 || e.code === 403) return { kind: 'auth', message };
    return e.code === 429 ? { kind: 'rate_limited', message } : { kind: 'upstream_error', message };
  },
});
