import { defineProvider } from '../../define';
import { classify } from './envelope';
import { ohlcv } from './ohlcv';
import { orderbook } from './orderbook';
import { ticker } from './ticker';
import { trades } from './trades';

export const cryptoCom = defineProvider({
  id: 'crypto-com',
  name: 'Crypto.com Exchange',
  category: 'exchange',
  baseUrl: 'https://api.crypto.com/exchange/v1',
  docs: 'https://exchange-docs.crypto.com/exchange/v1/rest-ws/index.html#public-get-tickers',
  // Public market data: 100 requests per second per IP for book, ticker, trades and candles.
  limits: { perSecond: 50 },
  cors: false,
  tier: 'medium',
  weight: 1,
  // Every capability has a real recording (ccxt's cryptocom.json, tests/fixtures/upstream/crypto-com).
  verified: true,
  capabilities: { ticker, orderbook, trades, ohlcv },
  classify,
});
