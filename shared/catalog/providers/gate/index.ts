import { defineProvider } from '../../define';
import { classify } from './classify';
import { ohlcv } from './ohlcv';
import { ticker } from './ticker';
import { trades } from './trades';

export const gate = defineProvider({
  id: 'gate',
  name: 'Gate',
  category: 'exchange',
  baseUrl: 'https://api.gateio.ws/api/v4',
  docs: 'https://www.gate.com/docs/developers/apiv4/en/#retrieve-ticker-information',
  // Public endpoints: 200 requests per 10 s per endpoint per IP.
  limits: { perSecond: 20 },
  cors: false,
  tier: 'medium',
  weight: 1,
  // Every capability has a real recording (ccxt's gate.json). The order book was dropped: no recording of
  // it was found, and a dozen verified providers already serve books.
  verified: true,
  capabilities: { ticker, trades, ohlcv },
  classify,
});
