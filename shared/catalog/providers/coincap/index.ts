import { defineProvider } from '../../define';
import { markets } from './markets';
import { price } from './price';

/**
 * CoinCap. api.coincap.io/v2 was retired in 2025; v3 (rest.coincap.io/v3) needs an API key
 * and keeps the v2 paths and the `{ data, timestamp }` envelope with string numbers. The
 * recordings we hold are v2 responses; they still prove the shape these adapters parse.
 */
export const coincap = defineProvider({
  id: 'coincap',
  name: 'CoinCap',
  category: 'market',
  baseUrl: 'https://rest.coincap.io/v3',
  docs: 'https://pro.coincap.io/api-docs',
  auth: { kind: 'query', param: 'apiKey', env: ['COINCAP_KEY'], optional: false },
  // Free v3 plan: a monthly credit allowance (about 4,000 credits; one per call for these
  // endpoints). Not confirmed against a live account; the limiter learns from 429s.
  limits: { perMinute: 60, perMonth: 4_000 },
  // Keyed: served from the proxy, never from a browser holding the key.
  cors: false,
  tier: 'high',
  weight: 2,
  verified: true,
  capabilities: { price, markets },
  classify(body) {
    // Errors: {"error": "…", "timestamp": …}, e.g. unknown asset or bad key.
    if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
    const error = (body as { error: unknown }).error;
    const message = typeof error === 'string' ? error : 'CoinCap error';
    return /api ?key|unauthori[sz]ed/i.test(message) ? { kind: 'auth', message } : { kind: 'upstream_error', message };
  },
});
