import { defineProvider } from '../../define';
import { ohlcv } from './ohlcv';
import { price } from './price';

export const cryptocompare = defineProvider({
  id: 'cryptocompare',
  name: 'CryptoCompare',
  category: 'market',
  baseUrl: 'https://min-api.cryptocompare.com',
  docs: 'https://min-api.cryptocompare.com/documentation',
  // Works without a key at lower limits; a free key raises them.
  auth: { kind: 'query', param: 'api_key', env: ['CRYPTOCOMPARE_KEY'], optional: true },
  // Free tier: 100,000 call credits a month; the per-minute budget is kept conservative.
  limits: { perMinute: 300, perMonth: 100_000 },
  cors: true,
  tier: 'high',
  weight: 2,
  verified: true,
  capabilities: { price, ohlcv },
  classify(body) {
    // Errors arrive with HTTP 200: {"Response": "Error", "Message": "…", "Type": 2, …}.
    if (typeof body !== 'object' || body === null || !('Response' in body)) return undefined;
    const { Response: response, Message: message } = body as { Response: unknown; Message?: unknown };
    if (response !== 'Error') return undefined;
    const text = typeof message === 'string' && message.length > 0 ? message : 'CryptoCompare error';
    return /rate limit/i.test(text) ? { kind: 'rate_limited', message: text } : { kind: 'upstream_error', message: text };
  },
});
