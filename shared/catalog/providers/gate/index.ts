import { defineProvider } from '../../define';
import { classify } from './classify';
import { orderbook } from './orderbook';
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
  // Written from the API v4 docs; no recording yet (ccxt's gate.json holds them, not yet extracted).
  verified: false,
  capabilities: { ticker, orderbook, trades },
  classify,
});
