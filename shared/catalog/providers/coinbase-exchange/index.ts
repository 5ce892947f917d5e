import { defineProvider } from '../../define';
import type { Classified } from '../../../engine/adapter';
import { ohlcv } from './ohlcv';
import { orderbook } from './orderbook';
import { ticker } from './ticker';
import { trades } from './trades';

/** Errors are `{message}` with HTTP 4xx; 404 "NotFound" means the product is not listed. */
function classify(body: unknown, status: number): Classified | undefined {
  if (status !== 404 || typeof body !== 'object' || body === null || !('message' in body)) return undefined;
  return { kind: 'unsupported', message: String(body.message) };
}

export const coinbaseExchange = defineProvider({
  id: 'coinbase-exchange',
  name: 'Coinbase Exchange',
  category: 'exchange',
  baseUrl: 'https://api.exchange.coinbase.com',
  docs: 'https://docs.cdp.coinbase.com/exchange/reference/exchangerestapi_getproductticker',
  // Public endpoints: 10 requests per second per IP (bursts to 15).
  limits: { perSecond: 10 },
  cors: true,
  tier: 'high',
  weight: 2,
  verified: true,
  capabilities: { ticker, trades, orderbook, ohlcv },
  classify,
});
