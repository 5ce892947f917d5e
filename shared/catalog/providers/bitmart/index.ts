import { defineProvider } from '../../define';
import { classify } from './envelope';
import { ohlcv } from './ohlcv';
import { ticker } from './ticker';
import { trades } from './trades';

export const bitmart = defineProvider({
  id: 'bitmart',
  name: 'BitMart',
  category: 'exchange',
  baseUrl: 'https://api-cloud.bitmart.com',
  docs: 'https://developer-pro.bitmart.com/en/spot/#public-market-data',
  // Market endpoints: 10–15 requests per 2 s per IP (ticker 15, trades and klines 15, books 15).
  limits: { perSecond: 5 },
  cors: false,
  tier: 'low',
  weight: 1,
  // The order book (/spot/quotation/v3/books) is public too; no recording of it exists yet, so it is not offered.
  verified: true,
  capabilities: { ticker, trades, ohlcv },
  classify,
});
