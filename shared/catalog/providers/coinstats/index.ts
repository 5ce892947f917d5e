import { defineProvider } from '../../define';
import { markets } from './markets';

/**
 * CoinStats public API (openapiv1.coinstats.app; the keyless api.coinstats.app/public/v1 it replaced
 * is gone). Every request needs an `X-API-KEY`; the free plan is metered in credits (1 per call).
 */
export const coinstats = defineProvider({
  id: 'coinstats',
  name: 'CoinStats',
  category: 'market',
  baseUrl: 'https://openapiv1.coinstats.app',
  docs: 'https://coinstats.app/api-docs/',
  auth: { kind: 'header', param: 'X-API-KEY', env: ['COINSTATS_KEY'], optional: false },
  // Free plan: 5 requests a second, about 1,000,000 credits a month.
  limits: { perSecond: 5, perMonth: 1_000_000 },
  cors: false,
  tier: 'medium',
  weight: 1,
  verified: true,
  capabilities: { markets },
  classify(body, status) {
    // Errors: {"message": "...", "statusCode": 4xx} (429 is handled by the engine before this).
    if (status < 400 || typeof body !== 'object' || body === null || !('message' in body)) return undefined;
    const message = String((body as { message: unknown }).message);
    return status === 401 || status === 403 ? { kind: 'auth', message } : { kind: 'upstream_error', message };
  },
});
