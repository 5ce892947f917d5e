import type { Classified } from '../../../engine/adapter';
import { defineProvider } from '../../define';
import { tokenInfo } from './token-info';

/** Errors: {"message": "…"} with 401 (bad key), 429 (over the plan's rate) or 400. */
function classify(body: unknown, status: number): Classified | undefined {
  if (status < 400 || typeof body !== 'object' || body === null || !('message' in body) || typeof body.message !== 'string') return undefined;
  const message = body.message;
  if (status === 401 || status === 403) return { kind: 'auth', message };
  if (status === 429) return { kind: 'rate_limited', message };
  return { kind: 'upstream_error', message };
}

/** Moralis Web3 Data API (EVM): ERC-20 metadata with total supply across the EVM chains we know. */
export const moralis = defineProvider({
  id: 'moralis',
  name: 'Moralis',
  category: 'explorer',
  baseUrl: 'https://deep-index.moralis.io/api/v2.2',
  docs: 'https://docs.moralis.com/data-api/evm/token/metadata/token-metadata',
  auth: { kind: 'header', param: 'X-API-Key', env: ['MORALIS_KEY'], optional: false },
  // Free plan: a daily compute-unit budget (metadata costs a few CUs) and a per-second throughput cap.
  limits: { perSecond: 5, perDay: 4_000 },
  cors: true,
  tier: 'medium',
  weight: 1,
  // Written from the documentation; no recorded response yet.
  verified: false,
  capabilities: { 'token-info': tokenInfo },
  classify,
});
