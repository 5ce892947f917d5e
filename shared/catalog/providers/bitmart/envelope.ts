import { z } from 'zod';
import type { Classified } from '../../../engine/adapter';

/** Every BitMart answer: `{code: 1000, message, trace, data}` (code a number, or a string in older answers). */
export const envelope = <T extends z.ZodType>(data: T) => z.object({ code: z.union([z.literal(1000), z.literal('1000')]), data });

export function classify(body: unknown): Classified | undefined {
  if (typeof body !== 'object' || body === null || !('code' in body)) return undefined;
  const code = Number(body.code);
  if (code === 1000) return undefined;
  const message = `${code}: ${'message' in body ? String(body.message) : ''}`;
  // 30000 "Not found" / 50000 "Bad Request" (unknown symbol); 30013 rate limit; 3000x keys.
  if (code === 30013 || code === 429) return { kind: 'rate_limited', message };
  if (code === 30000 || code === 50000 || code === 51004) return { kind: 'unsupported', message };
  if (code >= 30001 && code <= 30012) return { kind: 'auth', message };
  return { kind: 'upstream_error', message };
}
