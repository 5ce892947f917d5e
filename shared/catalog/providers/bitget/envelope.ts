import { z } from 'zod';
import type { Classified } from '../../../engine/adapter';

/** Every Bitget v2 answer: `{code: '00000', msg: 'success', requestTime, data}`. */
export const envelope = <T extends z.ZodType>(data: T) => z.object({ code: z.literal('00000'), requestTime: z.number().int(), data });

export function classify(body: unknown): Classified | undefined {
  if (typeof body !== 'object' || body === null || !('code' in body) || body.code === '00000') return undefined;
  const code = String(body.code);
  const message = `${code}: ${'msg' in body ? String(body.msg) : ''}`;
  if (code === '429' || code === '43999') return { kind: 'rate_limited', message };
  // 40034 "Parameter does not exist" is what an unknown symbol answers.
  if (code === '40034' || /symbol/i.test(message)) return { kind: 'unsupported', message };
  if (code === '40006' || code === '40009' || code === '40012') return { kind: 'auth', message };
  return { kind: 'upstream_error', message };
}
