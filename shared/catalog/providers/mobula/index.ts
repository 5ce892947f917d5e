import { defineProvider } from '../../define';
import { price } from './price';

/**
 * Mobula market data API. Written from the documentation (https://docs.mobula.io/guides/query-any-crypto-price);
 * no real recording is in tests/fixtures/upstream yet. Symbols are matched by Mobula, which prefers the
 * largest asset of a ticker.
 */
export const mobula = defineProvider({
  id: 'mobula',
  name: 'Mobula',
  category: 'market',
  baseUrl: 'https://api.mobula.io',
  docs: 'https://docs.mobula.io/rest-api-reference/endpoint/market-data',
  // Keyless calls work for development; production use needs a (free) key.
  auth: { kind: 'header', param: 'authorization', env: ['MOBULA_KEY'], optional: true },
  limits: { perMinute: 60, perMonth: 10_000 },
  cors: true,
  tier: 'low',
  weight: 1,
  verified: false,
  capabilities: { price },
  classify(body) {
    // Errors: {"error": "…"} or {"message": "…"} without data.
    if (typeof body !== 'object' || body === null || 'data' in body) return undefined;
    const e = body as { error?: unknown; message?: unknown };
    const message = typeof e.error === 'string' ? e.error : typeof e.message === 'string' ? e.message : undefined;
    if (message === undefined) return undefined;
    return /rate|too many/i.test(message) ? { kind: 'rate_limited', message } : { kind: 'upstream_error', message };
  },
});
