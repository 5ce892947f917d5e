import type { Classified } from '../../../engine/adapter';
import { defineProvider } from '../../define';
import { fearGreed } from './fear-greed';
import { global } from './global';
import { markets } from './markets';
import { price } from './price';
import { trending } from './trending';

/** Every CMC body carries `status {error_code, error_message}`; a non-zero code is an error, even in a 200. */
function classify(body: unknown): Classified | undefined {
  if (typeof body !== 'object' || body === null || !('status' in body)) return undefined;
  const status = (body as { status: unknown }).status;
  if (typeof status !== 'object' || status === null || !('error_code' in status)) return undefined;
  const { error_code: raw, error_message: msg } = status as { error_code: unknown; error_message?: unknown };
  const code = Number(raw);
  if (!code) return undefined;
  const message = typeof msg === 'string' && msg ? msg : `CoinMarketCap error ${code}`;
  // 1001-1007: key missing, invalid, plan or IP not allowed; 1008-1011: minute, daily, monthly, IP rate limits.
  if (code >= 1001 && code <= 1007) return { kind: 'auth', message };
  if (code >= 1008 && code <= 1011) return { kind: 'rate_limited', message };
  return { kind: 'upstream_error', message };
}

/**
 * CoinMarketCap Pro API. `trending` (/v1/cryptocurrency/trending/latest) needs a paid plan; the free
 * Basic plan answers it with error 1006, classified as `auth` so the router moves on.
 */
export const coinmarketcap = defineProvider({
  id: 'coinmarketcap',
  name: 'CoinMarketCap',
  category: 'market',
  baseUrl: 'https://pro-api.coinmarketcap.com',
  docs: 'https://coinmarketcap.com/api/documentation/v1/',
  auth: { kind: 'header', param: 'X-CMC_PRO_API_KEY', env: ['COINMARKETCAP_KEY'], optional: false },
  // Basic (free) plan: 30 requests a minute, 10,000 call credits a month.
  limits: { perMinute: 30, perMonth: 10_000 },
  cors: false,
  tier: 'high',
  weight: 2,
  verified: false,
  capabilities: { price, markets, global, trending, 'fear-greed': fearGreed },
  classify,
});
