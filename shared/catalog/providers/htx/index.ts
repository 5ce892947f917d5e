import { defineProvider } from '../../define';
import { classify } from './envelope';
import { orderbook } from './orderbook';
import { ticker } from './ticker';
import { trades } from './trades';

export const htx = defineProvider({
  id: 'htx',
  name: 'HTX',
  category: 'exchange',
  baseUrl: 'https://api.huobi.pro',
  docs: 'https://www.htx.com/en-us/opend/newApiPages/?id=7ec4a4da-7773-11ed-9966-0242ac110003',
  // Market data: 800 requests per 1 s per IP in total; 100 per second is a polite share.
  limits: { perSecond: 100 },
  cors: false,
  tier: 'medium',
  weight: 1,
  // Formerly Huobi; the api.huobi.pro host still serves the spot API. Written from the docs, no recording yet.
  verified: false,
  capabilities: { ticker, orderbook, trades },
  classify,
});
