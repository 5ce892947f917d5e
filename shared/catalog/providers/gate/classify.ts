import type { Classified } from '../../../engine/adapter';

/** Errors: `{label, message}` with HTTP 4xx. */
export function classify(body: unknown): Classified | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('label' in body)) return undefined;
  const label = String(body.label);
  const message = `${label}: ${'message' in body ? String(body.message) : ''}`;
  if (label === 'TOO_MANY_REQUESTS') return { kind: 'rate_limited', message };
  if (label === 'INVALID_CURRENCY_PAIR' || label === 'INVALID_CURRENCY') return { kind: 'unsupported', message };
  if (label.startsWith('INVALID_KEY') || label === 'INVALID_SIGNATURE') return { kind: 'auth', message };
  return { kind: 'upstream_error', message };
}
