import { defineProvider } from '../../define';
import { classify } from './envelope';
import { ohlcv } from './ohlcv';
import { orderbook } from './orderbook';
import { ticker } from './ticker';
import { trades } from './trades';

export const kucoin = defineProvider({
  id: 'kucoin',
  name: 'KuCoin',
  category: 'exchange',
  baseUrl: 'https://api.kucoin.com',
  docs: 'https://www.kucoin.com/docs-new/rest/spot-trading/market-data/get-24hr-stats',
  // Public pool: 2,000 weight per 30 s per IP (stats, book and trades weigh 1–3): about 30 calls a second.
  limits: { perSecond: 30 },
  cors: false,
  tier: 'high',
  weight: 2,
  verified: true,
  capabilities: { ticker, orderbook, trades, ohlcv },
  classify,
});
