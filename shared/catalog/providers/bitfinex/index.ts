import { defineProvider } from '../../define';
import type { Classified } from '../../../engine/adapter';
import { ohlcv } from './ohlcv';
import { ticker } from './ticker';
import { trades } from './trades';

/** Errors are `["error", code, message]` (HTTP 500 for most, which the engine already counts). */
function classify(body: unknown): Classified | undefined {
  if (!Array.isArray(body) || body[0] !== 'error') return undefined;
  const message = `${String(body[1])}: ${String(body[2])}`;
  if (body[1] === 11010 || /ratelimit/i.test(message)) return { kind: 'rate_limited', message };
  if (/symbol/i.test(message)) return { kind: 'unsupported', message };
  return { kind: 'upstream_error', message };
}

export const bitfinex = defineProvider({
  id: 'bitfinex',
  name: 'Bitfinex',
  category: 'exchange',
  baseUrl: 'https://api-pub.bitfinex.com/v2',
  docs: 'https://docs.bitfinex.com/reference/rest-public-ticker',
  // Public endpoints: 10–90 requests per minute each (ticker 90, trades 15, candles 30); an IP that
  // exceeds them is blocked for 60 s. The tightest common budget is declared.
  limits: { perMinute: 15 },
  // CORS headers are not documented: browsers go through the relay.
  cors: false,
  tier: 'medium',
  weight: 1,
  // The order book (/book/{symbol}/P0) is public too; no recording of it exists yet, so it is not offered.
  verified: true,
  capabilities: { ticker, trades, ohlcv },
  classify,
});
