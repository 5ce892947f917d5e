import { z } from 'zod';
import type { Classified } from '../../../engine/adapter';

/** Every KuCoin answer: `{code: '200000', data}`; the code is a string. */
export const envelope = <T extends z.ZodType>(data: T) => z.object({ code: z.literal('200000'), data });

/** Failures carry another code and a `msg`, at HTTP 200 or 4xx. */
export function classify(body: unknown): Classified | undefined {
  if (typeof body !== 'object' || body === null || !('code' in body)) return undefined;
  const { code, msg } = body as { code: unknown; msg?: unknown };
  if (code === '200000' || typeof code !== 'string') return undefined;
  const message = `${code}: ${String(msg ?? '')}`;
  if (code === '429000') return { kind: 'rate_limited', message };
  // 900001 "Symbol [X-Y] Not Exists"; 400100 a bad parameter such as an unknown symbol.
  if (code === '900001' || code === '400100') return { kind: 'unsupported', message };
  if (code.startsWith('4001')) return { kind: 'auth', message };
  return { kind: 'upstream_error', message };
}
