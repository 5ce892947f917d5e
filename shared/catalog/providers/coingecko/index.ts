import { defineProvider } from '../../define';
import { global } from './global';
import { markets } from './markets';
import { price } from './price';
import { trending } from './trending';

export const coingecko = defineProvider({
  id: 'coingecko',
  name: 'CoinGecko',
  category: 'market',
  baseUrl: 'https://api.coingecko.com/api/v3',
  docs: 'https://docs.coingecko.com/v3.0.1/reference/introduction',
  // The demo key only raises limits; the public API works without one.
  auth: { kind: 'header', param: 'x-cg-demo-api-key', env: ['COINGECKO_KEY'], optional: true },
  limits: { perMinute: 30, perMonth: 10_000 },
  cors: true,
  tier: 'critical',
  weight: 3,
  verified: true,
  capabilities: { price, markets, global, trending },
  classify(body) {
    // Errors arrive as {status: {error_code, error_message}} (also on 429 with an HTML-free body).
    if (typeof body !== 'object' || body === null || !('status' in body)) return undefined;
    const status = (body as { status: unknown }).status;
    if (typeof status !== 'object' || status === null || !('error_code' in status)) return undefined;
    const { error_code: code, error_message: message } = status as { error_code: unknown; error_message?: unknown };
    const text = typeof message === 'string' ? message : `error ${String(code)}`;
    return code === 429 ? { kind: 'rate_limited', message: text } : { kind: 'upstream_error', message: text };
  },
});
