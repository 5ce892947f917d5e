import type { Classified } from '../../../engine/adapter';
import { defineProvider } from '../../define';
import { nftCollection } from './nft-collection';

/** Errors come as {"code": 4xx/5xx, "msg": "…", "data": null}, often with HTTP 200. */
function classify(body: unknown): Classified | undefined {
  if (typeof body !== 'object' || body === null || !('code' in body) || body.code === 200) return undefined;
  const message = 'msg' in body && typeof body.msg === 'string' ? body.msg : `NFTScan code ${String(body.code)}`;
  if (body.code === 401 || body.code === 403 || /api.?key/i.test(message)) return { kind: 'auth', message };
  if (body.code === 429 || /limit|too many/i.test(message)) return { kind: 'rate_limited', message };
  return { kind: 'upstream_error', message };
}

/** NFTScan (Ethereum host): collection floor, owners and supply by contract address. Key required. */
export const nftscan = defineProvider({
  id: 'nftscan',
  name: 'NFTScan',
  category: 'nft',
  baseUrl: 'https://restapi.nftscan.com',
  docs: 'https://docs.nftscan.com/',
  auth: { kind: 'header', param: 'X-API-KEY', env: ['NFTSCAN_KEY'], optional: false },
  // Free plan: a monthly call-unit budget and a low per-second rate.
  limits: { perSecond: 2, perMonth: 1_000_000 },
  cors: true,
  tier: 'low',
  weight: 1,
  // Written from the documentation and public client code; no recorded response yet.
  verified: false,
  capabilities: { 'nft-collection': nftCollection },
  classify,
});
