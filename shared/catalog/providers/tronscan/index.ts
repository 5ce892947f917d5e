import type { Classified } from '../../../engine/adapter';
import { defineProvider } from '../../define';
import { balance } from './balance';
import { blockHeight } from './block-height';
import { transactions } from './transactions';

/** Errors: {"Error": "…"} or {"message": "…"} with HTTP 4xx (missing key, limits). */
function classify(body: unknown, status: number): Classified | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const text = 'Error' in body && typeof body.Error === 'string' ? body.Error : status >= 400 && 'message' in body && typeof body.message === 'string' ? body.message : undefined;
  if (text === undefined) return undefined;
  if (/limit|frequen/i.test(text)) return { kind: 'rate_limited', message: text };
  if (/api ?key|unauthori/i.test(text)) return { kind: 'auth', message: text };
  return { kind: 'upstream_error', message: text };
}

/** Tronscan's open API: TRX balance, history, latest block. Requests must carry a (free) API key. */
export const tronscan = defineProvider({
  id: 'tronscan',
  name: 'Tronscan',
  category: 'explorer',
  baseUrl: 'https://apilist.tronscanapi.com/api',
  docs: 'https://docs.tronscan.org/getting-started/api-keys',
  auth: { kind: 'header', param: 'TRON-PRO-API-KEY', env: ['TRONSCAN_KEY'], optional: false },
  // Free key: 100,000 calls a day; keep bursts small.
  limits: { perSecond: 5, perDay: 100_000 },
  cors: true,
  tier: 'medium',
  weight: 1,
  verified: false,
  capabilities: { balance, transactions, 'block-height': blockHeight },
  classify,
});
