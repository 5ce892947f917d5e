import { defineProvider } from '../../define';
import type { Classified } from '../../../engine/adapter';
import { price } from './price';

/** Errors arrive as `{errors: [{id, message}]}` with HTTP 4xx. */
function classify(body: unknown): Classified | undefined {
  if (typeof body !== 'object' || body === null || !('errors' in body)) return undefined;
  const { errors } = body as { errors: unknown };
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  const first: unknown = errors[0];
  const id = typeof first === 'object' && first !== null && 'id' in first ? String(first.id) : '';
  const text = typeof first === 'object' && first !== null && 'message' in first ? String(first.message) : id;
  if (id === 'rate_limit_exceeded') return { kind: 'rate_limited', message: text };
  // `not_found` / "Invalid base currency": the pair is not quoted here.
  if (id === 'not_found' || /invalid (base )?currency/i.test(text)) return { kind: 'unsupported', message: text };
  return { kind: 'upstream_error', message: text || 'error' };
}

export const coinbase = defineProvider({
  id: 'coinbase',
  name: 'Coinbase',
  category: 'market',
  baseUrl: 'https://api.coinbase.com/v2',
  docs: 'https://docs.cdp.coinbase.com/coinbase-app/track-apis/prices',
  // Public data endpoints need no key; 10,000 requests per hour per IP.
  limits: { perHour: 10_000 },
  cors: true,
  tier: 'high',
  weight: 2,
  verified: true,
  capabilities: { price },
  classify,
});
