import type { Classified } from '../../../engine/adapter';

/**
 * Etherscan answers failures at HTTP 200: `{status: "0", message: "NOTOK", result: "<reason>"}`.
 * `status: "0"` with an ARRAY result is not a failure but an empty list ("No transactions found").
 * The `proxy` module answers JSON-RPC envelopes instead, with a JSON-RPC `error` object.
 */
export function classify(body: unknown): Classified | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  if ('error' in body && typeof body.error === 'object' && body.error !== null) {
    const message = 'message' in body.error ? String(body.error.message) : 'JSON-RPC error';
    return { kind: /rate limit/i.test(message) ? 'rate_limited' : 'upstream_error', message };
  }
  if (!('status' in body) || body.status !== '0') return undefined;
  const result: unknown = 'result' in body ? body.result : undefined;
  if (Array.isArray(result)) return undefined;
  const message = typeof result === 'string' && result ? result : 'message' in body ? String(body.message) : 'NOTOK';
  // "Max rate limit reached", "Max calls per sec rate limit reached (5/sec)", "Max daily rate limit reached".
  if (/rate limit/i.test(message)) return { kind: 'rate_limited', message };
  // "Missing/Invalid API Key"; and a key whose plan does not cover the chain
  // ("Free API access is not supported for this chain"): another key may work, this one will not.
  if (/api key|not supported for this chain|upgrade your api plan/i.test(message)) return { kind: 'auth', message };
  return { kind: 'upstream_error', message };
}
