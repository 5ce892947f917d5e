import { defineProvider } from '../../define';
import { price } from './price';

/**
 * CoinLore. `markets` (GET /api/tickers/) and `global` (GET /api/global/) are left out until
 * real recordings of them are in tests/fixtures/upstream.
 */
export const coinlore = defineProvider({
  id: 'coinlore',
  name: 'CoinLore',
  category: 'market',
  baseUrl: 'https://api.coinlore.net/api',
  docs: 'https://www.coinlore.com/cryptocurrency-data-api',
  // No key and no published hard limit; the docs ask for about one request per second.
  limits: { perSecond: 1 },
  cors: false,
  tier: 'medium',
  weight: 1,
  verified: true,
  capabilities: { price },
});
