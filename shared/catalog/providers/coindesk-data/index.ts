import { defineProvider } from '../../define';
import { price } from './price';

/**
 * CoinDesk Data API (data-api.coindesk.com), the successor of CryptoCompare's min-api. Written from the
 * documentation; no real recording of /index/cc/v1/latest/tick is in tests/fixtures/upstream yet.
 */
export const coindeskData = defineProvider({
  id: 'coindesk-data',
  name: 'CoinDesk Data',
  category: 'market',
  baseUrl: 'https://data-api.coindesk.com',
  docs: 'https://developers.coindesk.com/documentation/data-api/index_cc_v1_latest_tick',
  // Works without a key at low volume; a free key raises the limits.
  auth: { kind: 'header', param: 'authorization', prefix: 'Apikey ', env: ['COINDESK_KEY'], optional: true },
  limits: { perSecond: 20, perMinute: 300, perMonth: 11_000 },
  cors: true,
  tier: 'high',
  weight: 2,
  verified: false,
  capabilities: { price },
  classify(body) {
    // Errors: {"Data": {}, "Err": {"type": 1, "message": "…"}}; success carries "Err": {}.
    if (typeof body !== 'object' || body === null || !('Err' in body)) return undefined;
    const err = (body as { Err: unknown }).Err;
    if (typeof err !== 'object' || err === null || !('message' in err)) return undefined;
    const message = String((err as { message: unknown }).message);
    return /rate limit/i.test(message) ? { kind: 'rate_limited', message } : { kind: 'upstream_error', message };
  },
});
