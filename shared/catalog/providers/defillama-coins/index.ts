import { defineProvider } from '../../define';
import { price } from './price';

/** DefiLlama's price API, on its own host (coins.llama.fi); TVL is `defillama`. */
export const defillamaCoins = defineProvider({
  id: 'defillama-coins',
  name: 'DefiLlama Coins',
  category: 'market',
  baseUrl: 'https://coins.llama.fi',
  docs: 'https://api-docs.defillama.com/#tag/coins',
  // No key and no published hard limit; this budget keeps us polite.
  limits: { perMinute: 120 },
  cors: true,
  tier: 'medium',
  weight: 1,
  verified: true,
  capabilities: { price },
});
