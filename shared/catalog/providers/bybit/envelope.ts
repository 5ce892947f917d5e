import { z } from 'zod';
import type { Classified } from '../../../engine/adapter';

/** Every Bybit v5 answer: `{retCode: 0, retMsg: 'OK', result, time}`, failures at HTTP 200. */
export const envelope = <T extends z.ZodType>(result: T) => z.object({ retCode: z.literal(0), result, time: z.number().int() });

export function classify(body: unknown): Classified | undefined {
  if (typeof body !== 'object' || body === null || !('retCode' in body) || body.retCode === 0) return undefined;
  const code = Number(body.retCode);
  const message = `${code}: ${'retMsg' in body ? String(body.retMsg) : ''}`;
  if (code === 10006 || code === 10018) return { kind: 'rate_limited', message };
  // 10001 covers "Not supported symbols" among other bad parameters.
  if (code === 10001 || /symbol/i.test(message)) return { kind: 'unsupported', message };
  if (code === 10003 || code === 10004 || code === 10005) return { kind: 'auth', message };
  return { kind: 'upstream_error', message };
}
