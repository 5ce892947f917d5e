import { z } from 'zod';
import type { Classified, RequestSpec } from '../../../engine/adapter';

/** A JSON-RPC 2.0 call: POST to the node's URL itself (path ''). */
export const call = (method: string, params: readonly unknown[]): RequestSpec => ({
  path: '',
  method: 'POST',
  body: { jsonrpc: '2.0', id: 1, method, params },
});

/** The success envelope around `result`. */
export const envelope = <T extends z.ZodType>(result: T) => z.object({ jsonrpc: z.literal('2.0'), result });

export const Quantity = z.string().regex(/^0x[0-9a-fA-F]+$/, 'a hex quantity');

/** Codes and words public nodes use when they throttle (-32005 "limit exceeded", 429 on some gateways). */
const LIMIT_CODES = new Set([-32005, -32090, 429]);
const LIMIT_TEXT = /rate.?limit|too many requests|limit exceeded|capacity|throttl|exceeded .*quota/i;

/** Nodes answer errors at HTTP 200 as `{jsonrpc, id, error: {code, message}}`. */
export function classify(body: unknown): Classified | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error: unknown = body.error;
  if (typeof error !== 'object' || error === null) return undefined;
  const code = 'code' in error && typeof error.code === 'number' ? error.code : undefined;
  const text = 'message' in error && typeof error.message === 'string' ? error.message : '';
  const message = `${code ?? 'error'}: ${text || 'JSON-RPC error'}`;
  if ((code !== undefined && LIMIT_CODES.has(code)) || LIMIT_TEXT.test(text)) return { kind: 'rate_limited', message };
  return { kind: 'upstream_error', message };
}
