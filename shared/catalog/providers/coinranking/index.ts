import { defineProvider } from '../../define';
import { markets } from './markets';

/**
 * Coinranking API v2. Written from the documentation (https://developers.coinranking.com/api/documentation/coins);
 * no real recording of GET /v2/coins is in tests/fixtures/upstream yet, so it stays unverified.
 */
export const coinranking = defineProvider({
  id: 'coinranking',
  name: 'Coinranking',
  category: 'market',
  baseUrl: 'https://api.coinranking.com/v2',
  docs: 'https://developers.coinranking.com/api/documentation',
  auth: { kind: 'header', param: 'x-access-token', env: ['COINRANKING_KEY'], optional: false },
  // Free plan: 5,000 calls a month.
  limits: { perMinute: 30, perMonth: 5_000 },
  cors: true,
  tier: 'medium',
  weight: 1,
  verified: false,
  capabilities: { markets },
  classify(body) {
    // Errors: {"status": "fail" | "error", "type": "RATE_LIMIT_EXCEEDED" | "UNAUTHORIZED" | …, "message": "…"}.
    if (typeof body !== 'object' || body === null || !('status' in body)) return undefined;
    const { status, type, message } = body as { status: unknown; type?: unknown; message?: unknown };
    if (status !== 'fail' && status !== 'error') return undefined;
    const text = typeof message === 'string' ? message : `Coinranking ${String(type ?? status)}`;
    if (type === 'RATE_LIMIT_EXCEEDED') return { kind: 'rate_limited', message: text };
    return type === 'UNAUTHORIZED' || type === 'API_KEY_INVALID' ? { kind: 'auth', message: text } : { kind: 'upstream_error', message: text };
  },
});
