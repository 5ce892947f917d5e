import { defineProvider } from '../../define';
import { balance } from './balance';
import { blockHeight } from './block-height';
import { transactions } from './transactions';

/** Blockchain.com's explorer API (blockchain.info): Bitcoin balance, address history and height, keyless. */
export const blockchainInfo = defineProvider({
  id: 'blockchain-info',
  name: 'Blockchain.com Explorer',
  category: 'explorer',
  baseUrl: 'https://blockchain.info',
  docs: 'https://www.blockchain.com/explorer/api/blockchain_api',
  // The docs ask for no more than one request every 10 seconds on the data endpoints.
  limits: { perMinute: 6 },
  // CORS only with `cors=true` on some paths; go through the relay.
  cors: false,
  tier: 'medium',
  weight: 1,
  verified: false,
  capabilities: { balance, transactions, 'block-height': blockHeight },
});
