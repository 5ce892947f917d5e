import type { Classified } from '../../../engine/adapter';

/**
 * HF Inference errors: `{error: "Model X is currently loading", estimated_time: 20.5}` while a
 * cold model loads (a wait, not a fault), `{error: "…rate limit…"}`, `{error: "Invalid credentials…"}`.
 * The API sends the loading answer as HTTP 503; the pipeline honours a `rate_limited` verdict on a
 * 5xx body, so the model cools for `estimated_time` without tripping its breaker.
 */
export function classify(body: unknown, status: number): Classified | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('error' in body)) return undefined;
  const o = body as { error: unknown; estimated_time?: unknown };
  const message = typeof o.error === 'string' ? o.error : Array.isArray(o.error) ? o.error.map(String).join('; ') : 'inference error';
  if (/currently loading/i.test(message)) {
    const secs = typeof o.estimated_time === 'number' && Number.isFinite(o.estimated_time) ? o.estimated_time : 20;
    return { kind: 'rate_limited', message, retryAfterMs: Math.min(Math.max(secs, 1), 600) * 1000 };
  }
  if (/rate limit|too many requests|exceeded .*credits|quota/i.test(message)) return { kind: 'rate_limited', message };
  if (status === 401 || status === 403 || /credentials|token|unauthori[sz]ed/i.test(message)) return { kind: 'auth', message };
  if (/does not exist|not found|not supported/i.test(message)) return { kind: 'unsupported', message };
  return { kind: 'upstream_error', message };
}
