import { defineProvider } from '../../define';
import type { Classified } from '../../../engine/adapter';
import { ohlcv } from './ohlcv';
import { orderbook } from './orderbook';
import { ticker } from './ticker';
import { trades } from './trades';

/** Errors: `{code, msg}` with HTTP 4xx; -1121 / 30014 an invalid symbol, 429 / 510 too many requests. */
function classify(body: unknown, status: number): Classified | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('code' in body) || !('msg' in body)) return undefined;
  const { code, msg } = body as { code: unknown; msg: unknown };
  if (code === 200 || code === 0) return undefined;
  const message = `${String(code)}: ${String(msg)}`;
  if (code === -1121 || code === 30014 || /invalid symbol/i.test(String(msg))) return { kind: 'unsupported', message };
  if (code === 429 || code === 510) return { kind: 'rate_limited', message };
  return status >= 400 ? { kind: 'upstream_error', message } : undefined;
}

export const mexc = defineProvider({
  id: 'mexc',
  name: 'MEXC',
  category: 'exchange',
  baseUrl: 'https://api.mexc.com',
  docs: 'https://mexcdevelop.github.io/apidocs/spot_v3_en/#market-data-endpoints',
  // 500 requests per 10 s per endpoint per IP.
  limits: { perSecond: 50 },
  cors: false,
  tier: 'medium',
  weight: 1,
  verified: true,
  capabilities: { ticker, orderbook, trades, ohlcv },
  classify,
});
