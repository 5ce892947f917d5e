import { defineProvider } from '../../define';
import type { Classified } from '../../../engine/adapter';
import { ohlcv } from './ohlcv';
import { orderbook } from './orderbook';
import { price } from './price';
import { ticker } from './ticker';
import { trades } from './trades';

/** Binance error bodies: `{code: <negative int>, msg}`, with HTTP 4xx. */
function classify(body: unknown, status: number): Classified | undefined {
  if (typeof body !== 'object' || body === null || !('code' in body) || !('msg' in body)) return undefined;
  const { code, msg } = body as { code: unknown; msg: unknown };
  if (typeof code !== 'number' || code >= 0) return undefined;
  const message = `${code}: ${String(msg)}`;
  // -1121 "Invalid symbol.": the pair is not listed here, which is not a fault of the provider.
  if (code === -1121) return { kind: 'unsupported', message };
  // -1003 too many requests; HTTP 418 is the IP ban that follows ignored 429s.
  if (code === -1003 || status === 418) return { kind: 'rate_limited', message };
  if (code === -2014 || code === -2015) return { kind: 'auth', message };
  return undefined;
}

export const binance = defineProvider({
  id: 'binance',
  name: 'Binance',
  category: 'exchange',
  baseUrl: 'https://api.binance.com',
  docs: 'https://developers.binance.com/docs/binance-spot-api-docs/rest-api/market-data-endpoints',
  // Public market data needs no key. The budget is 6,000 request weight per minute per IP;
  // adapters declare each endpoint's weight. Unavailable from US IPs (HTTP 451).
  limits: { perMinute: 6000 },
  cors: true,
  tier: 'critical',
  weight: 3,
  verified: true,
  capabilities: { price, ticker, ohlcv, orderbook, trades },
  classify,
});
