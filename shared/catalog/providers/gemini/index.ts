import { defineProvider } from '../../define';
import type { Classified } from '../../../engine/adapter';
import { ohlcv } from './ohlcv';
import { ticker } from './ticker';
import { trades } from './trades';

/** Errors: `{result: 'error', reason, message}` with HTTP 4xx. */
function classify(body: unknown): Classified | undefined {
  if (typeof body !== 'object' || body === null || !('result' in body) || body.result !== 'error') return undefined;
  const reason = 'reason' in body ? String(body.reason) : 'error';
  const message = `${reason}: ${'message' in body ? String(body.message) : ''}`;
  if (reason === 'RateLimited' || reason === 'RateLimit') return { kind: 'rate_limited', message };
  if (reason === 'InvalidSymbol' || reason === 'SymbolNotFound') return { kind: 'unsupported', message };
  return { kind: 'upstream_error', message };
}

export const gemini = defineProvider({
  id: 'gemini',
  name: 'Gemini',
  category: 'exchange',
  baseUrl: 'https://api.gemini.com',
  docs: 'https://docs.gemini.com/rest/market-data',
  // Public endpoints: 120 requests per minute, at most about one per second sustained.
  limits: { perSecond: 1, perMinute: 120 },
  cors: false,
  tier: 'medium',
  weight: 1,
  // The order book (/v1/book/{symbol}) is public too; no recording of it exists yet, so it is not offered.
  verified: true,
  capabilities: { ticker, trades, ohlcv },
  classify,
});
