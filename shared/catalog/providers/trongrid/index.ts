import type { Classified } from '../../../engine/adapter';
import { defineProvider } from '../../define';
import { balance } from './balance';
import { blockHeight } from './block-height';
import { transactions } from './transactions';

/** v1 errors: {success: false, error: "…", statusCode}; full-node errors: {Error: "…"}. */
function classify(body: unknown): Classified | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const text = 'error' in body && typeof body.error === 'string' ? body.error : 'Error' in body && typeof body.Error === 'string' ? body.Error : undefined;
  if (text === undefined) return undefined;
  if (/limit|frequency/i.test(text)) return { kind: 'rate_limited', message: text };
  if (/api ?key/i.test(text)) return { kind: 'auth', message: text };
  return { kind: 'upstream_error', message: text };
}

/** TronGrid (TRON DAO's public node and v1 index API): TRX balance, history, height. */
export const trongrid = defineProvider({
  id: 'trongrid',
  name: 'TronGrid',
  category: 'explorer',
  baseUrl: 'https://api.trongrid.io',
  docs: 'https://developers.tron.network/reference/background',
  // Keyless calls are throttled hard; a free key allows 15 QPS and 100,000 requests a day.
  auth: { kind: 'header', param: 'TRON-PRO-API-KEY', env: ['TRONGRID_KEY'], optional: true },
  limits: { perSecond: 10, perDay: 100_000 },
  cors: true,
  tier: 'high',
  weight: 2,
  verified: false,
  capabilities: { balance, transactions, 'block-height': blockHeight },
  classify,
});
