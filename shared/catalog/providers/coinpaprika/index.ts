import { defineProvider } from '../../define';
import { global } from './global';
import { price } from './price';

/**
 * CoinPaprika. `markets` (GET /v1/tickers?limit) is left out until a real recording of the
 * list endpoint is in tests/fixtures/upstream; the single-ticker shape is not proof of it.
 */
export const coinpaprika = defineProvider({
  id: 'coinpaprika',
  name: 'CoinPaprika',
  category: 'market',
  baseUrl: 'https://api.coinpaprika.com/v1',
  docs: 'https://docs.coinpaprika.com/',
  // Free plan: 20,000 calls a month, no key.
  limits: { perMonth: 20_000 },
  cors: true,
  tier: 'high',
  weight: 2,
  verified: true,
  capabilities: { price, global },
  classify(body) {
    // Errors: {"error": "id not found"} (with 4xx) or the free-tier notice.
    if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
    const error = (body as { error: unknown }).error;
    const message = typeof error === 'string' ? error : 'CoinPaprika error';
    return /rate limit|too many/i.test(message) ? { kind: 'rate_limited', message } : { kind: 'upstream_error', message };
  },
});
