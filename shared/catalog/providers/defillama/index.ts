import { defineProvider } from '../../define';
import { tvlChains } from './tvl-chains';
import { tvlProtocols } from './tvl-protocols';

/** DefiLlama's TVL API (api.llama.fi). Prices live on another host: see `defillama-coins`. */
export const defillama = defineProvider({
  id: 'defillama',
  name: 'DefiLlama',
  category: 'defi',
  baseUrl: 'https://api.llama.fi',
  docs: 'https://api-docs.defillama.com/',
  // The free API needs no key and publishes no hard limit; this budget keeps us polite.
  limits: { perMinute: 120 },
  cors: true,
  tier: 'critical',
  weight: 3,
  verified: true,
  capabilities: { 'tvl-protocols': tvlProtocols, 'tvl-chains': tvlChains },
});
