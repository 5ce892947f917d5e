import { defineProvider } from '../../define';
import type { Classified } from '../../../engine/adapter';
import { ohlcv } from './ohlcv';
import { ticker } from './ticker';
import { trades } from './trades';

/** An unknown pair answers HTTP 404 with an HTML page; API errors are `{status: 'error', reason}`. */
function classify(body: unknown, status: number): Classified | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  if ('status' in body && body.status === 'error') {
    const message = 'reason' in body ? JSON.stringify(body.reason) : 'error';
    return status === 404 ? { kind: 'unsupported', message } : { kind: 'upstream_error', message };
  }
  return undefined;
}

export const bitstamp = defineProvider({
  id: 'bitstamp',
  name: 'Bitstamp',
  category: 'exchange',
  baseUrl: 'https://www.bitstamp.net/api/v2',
  docs: 'https://www.bitstamp.net/api/#tag/Tickers',
  // 400 requests per second per client, 10,000 per 10 minutes by default.
  limits: { perSecond: 400, perMinute: 1000 },
  cors: false,
  tier: 'high',
  weight: 1,
  // The order book (/order_book/{pair}/) is public too; no recording of it exists yet, so it is not offered.
  verified: true,
  capabilities: { ticker, trades, ohlcv },
  classify,
});
