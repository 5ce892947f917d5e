import { defineProvider } from '../../define';
import { balance } from './balance';
import { blockHeight } from './block-height';
import { gas } from './gas';
import { transactions } from './transactions';

/** mempool.space: Bitcoin fees in sat/vB, tip height and Esplora address data, keyless. */
export const mempool = defineProvider({
  id: 'mempool',
  name: 'mempool.space',
  category: 'explorer',
  baseUrl: 'https://mempool.space/api',
  docs: 'https://mempool.space/docs/api/rest',
  // No published quota for the public instance; it answers 429 when pressed, so stay modest.
  limits: { perSecond: 2, perMinute: 60 },
  cors: true,
  tier: 'critical',
  weight: 3,
  verified: false,
  capabilities: { gas, balance, transactions, 'block-height': blockHeight },
});
