import { defineProvider } from '../../define';
import { classify } from './envelope';
import { ohlcv } from './ohlcv';
import { orderbook } from './orderbook';
import { price } from './price';
import { ticker } from './ticker';
import { trades } from './trades';

export const kraken = defineProvider({
  id: 'kraken',
  name: 'Kraken',
  category: 'exchange',
  baseUrl: 'https://api.kraken.com/0/public',
  docs: 'https://docs.kraken.com/api/docs/rest-api/get-ticker-information',
  // Public endpoints: about one call per second per IP before `EAPI:Rate limit exceeded`.
  limits: { perSecond: 1 },
  // The REST API sends no CORS headers: browsers go through the relay.
  cors: false,
  tier: 'critical',
  weight: 2,
  verified: true,
  capabilities: { price, ticker, ohlcv, orderbook, trades },
  classify,
});
