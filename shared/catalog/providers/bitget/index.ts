import { defineProvider } from '../../define';
import { classify } from './envelope';
import { orderbook } from './orderbook';
import { ticker } from './ticker';
import { trades } from './trades';

export const bitget = defineProvider({
  id: 'bitget',
  name: 'Bitget',
  category: 'exchange',
  baseUrl: 'https://api.bitget.com',
  docs: 'https://www.bitget.com/api-doc/spot/market/Get-Tickers',
  // Market endpoints: 20 requests per second per IP.
  limits: { perSecond: 20 },
  cors: false,
  tier: 'medium',
  weight: 1,
  // Written from the v2 docs; no recording yet (ccxt's bitget.json holds them, not yet extracted).
  verified: false,
  capabilities: { ticker, orderbook, trades },
  classify,
});
