import type { Classified } from '../../../engine/adapter';
import { defineProvider } from '../../define';
import { balance } from './balance';
import { blockHeight } from './block-height';

/**
 * Errors come in `context`: {context: {code: 402|430|435|…, error: "…"}}. 402/429/430 mean the
 * free quota or the IP is blocked for now; 435 is too many requests per second.
 */
function classify(body: unknown): Classified | undefined {
  if (typeof body !== 'object' || body === null || !('context' in body)) return undefined;
  const context = body.context;
  if (typeof context !== 'object' || context === null || !('error' in context) || typeof context.error !== 'string') return undefined;
  const code = 'code' in context ? Number(context.code) : 0;
  if ([402, 429, 430, 434, 435].includes(code)) return { kind: 'rate_limited', message: context.error };
  return { kind: 'upstream_error', message: context.error };
}

/** Blockchair: many chains behind one API; here bitcoin and ethereum height and balance. */
export const blockchair = defineProvider({
  id: 'blockchair',
  name: 'Blockchair',
  category: 'explorer',
  baseUrl: 'https://api.blockchair.com',
  docs: 'https://blockchair.com/api/docs',
  // Keyless use is free within limits; a paid key (`key`) lifts them.
  auth: { kind: 'query', param: 'key', env: ['BLOCKCHAIR_KEY'], optional: true },
  // Free: 1,440 requests a day, at most 30 a minute.
  limits: { perMinute: 30, perDay: 1440 },
  cors: true,
  tier: 'medium',
  weight: 1,
  verified: false,
  capabilities: { balance, 'block-height': blockHeight },
  classify,
});
