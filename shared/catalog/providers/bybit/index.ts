import { defineProvider } from '../../define';
import { classify } from './envelope';
import { ohlcv } from './ohlcv';
import { orderbook } from './orderbook';
import { ticker } from './ticker';
import { trades } from './trades';

export const bybit = defineProvider({
  id: 'bybit',
  name: 'Bybit',
  category: 'exchange',
  baseUrl: 'https://api.bybit.com',
  docs: 'https://bybit-exchange.github.io/docs/v5/market/tickers',
  // 600 requests per 5 s per IP across public endpoints. Blocked in some regions (HTTP 403).
  limits: { perSecond: 100 },
  cors: false,
  tier: 'high',
  weight: 2,
  // The ticker parses a real capture; book, trades and candles are written from the v5 docs.
  verified: false,
  capabilities: { ticker, orderbook, trades, ohlcv },
  classify,
});
