import { z } from 'zod';
import type { Classified } from '../../../engine/adapter';

/** Every OKX v5 answer: `{code: '0', msg: '', data: [...]}`; the code is a string. */
export const envelope = <T extends z.ZodType>(row: T) => z.object({ code: z.literal('0'), data: z.array(row) });

export function classify(body: unknown): Classified | undefined {
  if (typeof body !== 'object' || body === null || !('code' in body) || body.code === '0') return undefined;
  const code = String(body.code);
  const message = `${code}: ${'msg' in body ? String(body.msg) : ''}`;
  if (code === '50011' || code === '50061') return { kind: 'rate_limited', message };
  // 51001 "Instrument ID does not exist".
  if (code === '51001' || code === '51000') return { kind: 'unsupported', message };
  if (code.startsWith('501')) return { kind: 'auth', message };
  return { kind: 'upstream_error', message };
}
