import { defineProvider } from '../../define';
import { classify } from './envelope';
import { orderbook } from './orderbook';
import { ticker } from './ticker';
import { trades } from './trades';

export const okx = defineProvider({
  id: 'okx',
  name: 'OKX',
  category: 'exchange',
  baseUrl: 'https://www.okx.com',
  docs: 'https://www.okx.com/docs-v5/en/#order-book-trading-market-data-get-ticker',
  // Ticker, books and trades: 20 requests per 2 s per IP each.
  limits: { perSecond: 10 },
  cors: false,
  tier: 'high',
  weight: 2,
  // Written from the v5 docs; no recording yet (ccxt's okx.json holds them, not yet extracted).
  verified: false,
  capabilities: { ticker, orderbook, trades },
  classify,
});
