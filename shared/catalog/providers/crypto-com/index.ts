import { defineProvider } from '../../define';
import { classify } from './envelope';
import { orderbook } from './orderbook';
import { ticker } from './ticker';
import { trades } from './trades';

export const cryptoCom = defineProvider({
  id: 'crypto-com',
  name: 'Crypto.com Exchange',
  category: 'exchange',
  baseUrl: 'https://api.crypto.com/exchange/v1',
  docs: 'https://exchange-docs.crypto.com/exchange/v1/rest-ws/index.html#public-get-tickers',
  // Public market data: 100 requests per second per IP for book, ticker and trades.
  limits: { perSecond: 50 },
  cors: false,
  tier: 'medium',
  weight: 1,
  // Written from the Exchange v1 docs; no recording yet (ccxt's cryptocom.json holds some, not yet extracted).
  verified: false,
  capabilities: { ticker, orderbook, trades },
  classify,
});
