import { z } from 'zod';
import type { Classified } from '../../../engine/adapter';

/** Every Kraken answer: `{error: string[], result}`; `result` keyed by Kraken's pair name. */
export const envelope = <T extends z.ZodType>(entry: T) =>
  z.object({ error: z.array(z.string()), result: z.record(z.string(), z.union([entry, z.string(), z.number()])) });

/** Kraken reports failures in the `error` array, at HTTP 200 (and `result` is then absent). */
export function classify(body: unknown): Classified | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const { error } = body as { error: unknown };
  if (!Array.isArray(error) || error.length === 0) return undefined;
  const message = error.map(String).join('; ');
  if (/rate limit|too many requests/i.test(message)) return { kind: 'rate_limited', message };
  if (/unknown asset pair|invalid asset pair/i.test(message)) return { kind: 'unsupported', message };
  if (/invalid key|permission denied/i.test(message)) return { kind: 'auth', message };
  return { kind: 'upstream_error', message };
}
