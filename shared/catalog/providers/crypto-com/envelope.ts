import { z } from 'zod';
import type { Classified } from '../../../engine/adapter';

/** Every Exchange v1 answer: `{id, method, code: 0, result: {data}}`. */
export const envelope = <T extends z.ZodType>(row: T) => z.object({ code: z.literal(0), result: z.object({ data: z.array(row) }) });

export function classify(body: unknown): Classified | undefined {
  if (typeof body !== 'object' || body === null || !('code' in body) || body.code === 0) return undefined;
  const code = Number(body.code);
  const message = `${code}: ${'message' in body ? String(body.message) : ''}`;
  if (code === 42901) return { kind: 'rate_limited', message };
  // 40004 "Missing or invalid argument" is what an unknown instrument answers.
  if (code === 40004 || /instrument/i.test(message)) return { kind: 'unsupported', message };
  if (code === 40101 || code === 40102) return { kind: 'auth', message };
  return { kind: 'upstream_error', message };
}
