import { defineProvider } from '../../define';
import { cryptocompare } from '../cryptocompare';
import { markets } from './markets';

/**
 * CryptoCompare's toplist endpoints (/data/top/*), kept apart from the price/ohlcv provider so
 * the pool can rotate them independently; same host, key and 200-with-error envelope.
 */
export const cryptocompareToplist = defineProvider({
  id: 'cryptocompare-toplist',
  name: 'CryptoCompare Toplist',
  category: 'market',
  baseUrl: 'https://min-api.cryptocompare.com',
  docs: 'https://min-api.cryptocompare.com/documentation?key=Toplists&cat=TopTotalMktCapEndpointFull',
  auth: { kind: 'query', param: 'api_key', env: ['CRYPTOCOMPARE_KEY'], optional: true },
  // Shares the free monthly credit budget with the cryptocompare provider.
  limits: { perMinute: 100, perMonth: 100_000 },
  cors: true,
  tier: 'medium',
  weight: 1,
  verified: true,
  capabilities: { markets },
  ...(cryptocompare.classify ? { classify: cryptocompare.classify } : {}),
});
