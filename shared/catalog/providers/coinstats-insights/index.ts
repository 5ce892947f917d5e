import { defineProvider } from '../../define';
import { coinstats } from '../coinstats';
import { fearGreed } from './fear-greed';

/**
 * CoinStats' own Fear & Greed index (/insights/*), a separate provider from CoinStats markets
 * so each rotates on its own; same host, X-API-KEY and credit budget.
 */
export const coinstatsInsights = defineProvider({
  id: 'coinstats-insights',
  name: 'CoinStats Insights',
  category: 'sentiment',
  baseUrl: 'https://openapiv1.coinstats.app',
  docs: 'https://coinstats.app/api-docs/',
  auth: { kind: 'header', param: 'X-API-KEY', env: ['COINSTATS_KEY'], optional: false },
  // The index moves once a day; the free plan's credits are shared with the markets provider.
  limits: { perSecond: 5, perMonth: 1_000_000 },
  cors: false,
  tier: 'medium',
  weight: 1,
  // Written from the documentation and public client code; no recorded response yet.
  verified: false,
  capabilities: { 'fear-greed': fearGreed },
  ...(coinstats.classify ? { classify: coinstats.classify } : {}),
});
