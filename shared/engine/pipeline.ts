import { CAPABILITIES, type Capability, type ParamsOf, type ResultOf } from '../model';
import type { AdapterContext, CapabilityAdapter, Classified, FailureKind, ProviderSpec } from './adapter';
import type { HttpResponse } from './ports';

/**
 * One upstream response to one canonical answer: status, body format, provider-specific
 * error classification, raw schema + transform, canonical validation, sanity. Shared by the
 * router, `npm run normalize` and the conformance suite, so all three judge a body alike.
 */

export type Interpreted<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly kind: FailureKind; readonly message: string; readonly retryAfterMs?: number };

/** How far ahead of the engine's clock a timestamp may be before the answer is refused. */
export const FUTURE_TOLERANCE_MS = 10 * 60_000;

/**
 * How old the newest timestamp of a live answer may be before it counts as stale data (a
 * provider serving a frozen feed). Capabilities not listed carry no such promise.
 */
export const MAX_AGE_MS: Partial<Record<Capability, number>> = {
  price: 60 * 60_000,
  ticker: 60 * 60_000,
  orderbook: 60 * 60_000,
  gas: 60 * 60_000,
  'block-height': 60 * 60_000,
  global: 24 * 60 * 60_000,
  'fear-greed': 3 * 24 * 60 * 60_000,
};

export interface InterpretOptions {
  /** Refuse answers older than MAX_AGE_MS (live traffic). Off for recorded bodies. Default false. */
  readonly checkFreshness?: boolean;
}

export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs) && secs >= 0) return Math.min(secs * 1000, 24 * 3600_000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const failure = (kind: FailureKind, message: string, retryAfterMs?: number): Interpreted<never> =>
  retryAfterMs === undefined ? { ok: false, kind, message } : { ok: false, kind, message, retryAfterMs };

// A provider's error body may carry an empty message (Kraken `{"error": [[]]}`): say at least what kind it was.
const fromClassified = (c: Classified): Interpreted<never> => failure(c.kind, c.message.trim() || `${c.kind} (the provider gave no message)`, c.retryAfterMs);

function snippet(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 80)}…` : flat;
}

export function interpret<C extends Capability>(
  provider: ProviderSpec,
  adapter: CapabilityAdapter<C>,
  response: HttpResponse,
  params: ParamsOf<C>,
  ctx: AdapterContext,
  options: InterpretOptions = {},
): Interpreted<ResultOf<C>> {
  const { status } = response;
  if (status === 429) {
    return failure('rate_limited', 'HTTP 429', parseRetryAfter(response.headers['retry-after'], ctx.now));
  }
  if (status >= 500) {
    // A 5xx body may say "not now, come back in N s" (a model still loading): that is a cool-down,
    // not an outage. Any other 5xx is a server error, whatever the body says.
    const classified = adapter.format === 'json' ? classifyJsonBody(provider, adapter, response.body, status) : undefined;
    return classified?.kind === 'rate_limited' ? fromClassified(classified) : failure('http_5xx', `HTTP ${status}`);
  }

  let body: unknown = response.body;
  if (adapter.format === 'json') {
    try {
      body = JSON.parse(response.body);
    } catch {
      if (status === 401 || status === 403) return failure('auth', `HTTP ${status}`);
      if (status >= 400) return failure('http_4xx', `HTTP ${status}`);
      return failure('not_json', `body is not JSON: ${snippet(response.body)}`);
    }
  }

  const classified = adapter.classify?.(body, status) ?? provider.classify?.(body, status);
  if (classified) return fromClassified(classified);
  if (status === 401 || status === 403) return failure('auth', `HTTP ${status}`);
  if (status >= 400) return failure('http_4xx', `HTTP ${status}`);

  const decoded = adapter.decode(body, params, ctx);
  if (!decoded.ok) return failure(decoded.kind, decoded.message);

  const checked = CAPABILITIES[adapter.capability].result.safeParse(decoded.value);
  if (!checked.success) return failure('schema', `canonical: ${summarizeIssues(checked.error.issues)}`);

  const insane = sanity(checked.data, ctx.now) ?? (options.checkFreshness ? staleness(adapter.capability, checked.data, ctx.now) : undefined);
  if (insane) return failure('sanity', insane);
  return { ok: true, value: checked.data as ResultOf<C> };
}

function classifyJsonBody(provider: ProviderSpec, adapter: CapabilityAdapter<Capability>, text: string, status: number): Classified | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  return adapter.classify?.(body, status) ?? provider.classify?.(body, status);
}

interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

export function summarizeIssues(issues: readonly Issue[]): string {
  const first = issues.slice(0, 3).map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  return issues.length > 3 ? `${first.join('; ')}; +${issues.length - 3} more` : first.join('; ');
}

const TIME_FIELDS = ['ts', 't', 'publishedAt'] as const;

/** Checks the schema cannot express: no timestamp far in the future. Returns a reason or undefined. */
export function sanity(value: unknown, now: number): string | undefined {
  return futureTime(value, now + FUTURE_TOLERANCE_MS, 0);
}

function futureTime(v: unknown, limit: number, depth: number): string | undefined {
  if (depth > 3 || v === null || typeof v !== 'object') return undefined;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const r = futureTime(v[i], limit, depth + 1);
      if (r) return r;
    }
    return undefined;
  }
  const o = v as Record<string, unknown>;
  for (const k of TIME_FIELDS) {
    const x = o[k];
    if (typeof x === 'number' && x > limit) return `${k} is in the future (${new Date(x).toISOString()})`;
  }
  return undefined;
}

/** The newest `ts` of an answer (top level or its items) older than the capability's max age: a reason. */
export function staleness(capability: Capability, value: unknown, now: number): string | undefined {
  const maxAge = MAX_AGE_MS[capability];
  if (maxAge === undefined) return undefined;
  const items: unknown[] = Array.isArray(value) ? value : [value];
  let newest = -Infinity;
  for (const item of items) {
    if (item && typeof item === 'object' && 'ts' in item && typeof item.ts === 'number') newest = Math.max(newest, item.ts);
  }
  if (newest === -Infinity || now - newest <= maxAge) return undefined;
  return `stale data: newest timestamp ${new Date(newest).toISOString()} is older than ${Math.round(maxAge / 60_000)} min`;
}
