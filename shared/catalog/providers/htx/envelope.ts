import { z } from 'zod';
import type { Classified } from '../../../engine/adapter';

/** Market answers: `{status: 'ok', ch, ts, tick | data}`; failures `{status: 'error', err-code, err-msg}` at HTTP 200. */
export const envelope = <T extends z.ZodRawShape>(shape: T) => z.object({ status: z.literal('ok'), ts: z.number().int(), ...shape });

export function classify(body: unknown): Classified | undefined {
  if (typeof body !== 'object' || body === null || !('status' in body) || body.status !== 'error') return undefined;
  const code = 'err-code' in body ? String(body['err-code']) : 'error';
  const message = `${code}: ${'err-msg' in body ? String(body['err-msg']) : ''}`;
  if (/invalid-parameter|bad-request|invalid symbol/i.test(message)) return { kind: 'unsupported', message };
  if (/limit|too-many/i.test(code)) return { kind: 'rate_limited', message };
  return { kind: 'upstream_error', message };
}
