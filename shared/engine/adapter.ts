import type { Capability, ParamsOf, ResultOf } from '../model';
import type { HttpRequest } from './ports';

/**
 * The adapter interface: what a provider and each of its capabilities must supply.
 * The engine declares it and receives providers as data; `shared/catalog` implements it.
 */

export const TIERS = ['critical', 'high', 'medium', 'low', 'emergency'] as const;
export type Tier = (typeof TIERS)[number];

export const CATEGORIES = [
  'market',
  'exchange',
  'explorer',
  'rpc',
  'defi',
  'nft',
  'news',
  'social',
  'sentiment',
  'ai',
  'whales',
  'analytics',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type AuthSpec =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'query' | 'header';
      /** Query parameter or header name that carries the key. */
      readonly param: string;
      /** Env variable names; `NAME_1`, `NAME_2` … are read too, so keys rotate. */
      readonly env: readonly string[];
      /** True when the provider works without a key and a key only raises limits. */
      readonly optional: boolean;
      /** Optional prefix for header values, e.g. `Bearer `. */
      readonly prefix?: string;
    };

/** Declared budgets. Each window is enforced per provider per key. */
export interface LimitSpec {
  readonly perSecond?: number;
  readonly perMinute?: number;
  readonly perHour?: number;
  readonly perDay?: number;
  readonly perMonth?: number;
}

/** What an adapter asks for; the engine adds base URL, auth and timeouts. */
export interface RequestSpec {
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly method?: 'GET' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  /** JSON-serialisable body for POST. */
  readonly body?: unknown;
  /** Request weight against the provider's limits (default 1). */
  readonly weight?: number;
}

export interface AdapterContext {
  /** Epoch ms at which the response arrived (for answers that carry no time of their own). */
  readonly now: number;
  /** Provider-specific id for a canonical symbol, from the symbol map. */
  readonly symbolId: (symbol: string) => string | undefined;
  /**
   * Teach the symbol map a provider id seen in a list answer (e.g. markets), so later requests
   * for that symbol can be made. Absent where nothing learns (normalize, conformance).
   */
  readonly learn?: (symbol: string, id: string) => void;
}

/**
 * Failure kinds. Which ones trip a breaker is decided in one place (`breakerCounts`).
 */
export const FAILURE_KINDS = [
  'network',
  'timeout',
  'http_5xx',
  'http_4xx',
  'rate_limited',
  'auth',
  'not_json',
  'schema',
  'sanity',
  'upstream_error',
  'unsupported',
  'breaker_open',
  'limit_wait',
  'no_key',
  'deadline',
] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

/** A provider-specific error found in a response (often inside an HTTP 200 body). */
export interface Classified {
  readonly kind: Extract<FailureKind, 'rate_limited' | 'auth' | 'upstream_error' | 'unsupported'>;
  readonly message: string;
  /** For rate limits: how long to cool, when the body says. */
  readonly retryAfterMs?: number;
}

export type DecodeResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly kind: 'schema' | 'unsupported'; readonly message: string };

export interface CapabilityAdapter<C extends Capability = Capability> {
  readonly capability: C;
  /** `json` (default) bodies are parsed before `decode`; `text` bodies (RSS, XML) are passed as the string. */
  readonly format: 'json' | 'text';
  /** Build the upstream request; return a message string when this provider cannot serve these params. */
  request(params: ParamsOf<C>, ctx: AdapterContext): RequestSpec | string;
  /** Provider-specific error classification for this endpoint (falls back to the provider's). */
  classify?(body: unknown, status: number): Classified | undefined;
  /** Raw-schema parse plus transform to the canonical shape (validated again by the engine). */
  decode(body: unknown, params: ParamsOf<C>, ctx: AdapterContext): DecodeResult<unknown>;
}

export type CapabilityMap = { readonly [C in Capability]?: CapabilityAdapter<C> };

export interface ProviderSpec {
  readonly id: string;
  readonly name: string;
  readonly category: Category;
  readonly baseUrl: string;
  readonly docs: string;
  readonly auth: AuthSpec;
  readonly limits: LimitSpec;
  /** May a browser call it directly (sends CORS headers)? */
  readonly cors: boolean;
  readonly tier: Tier;
  /** Relative weight for the weighted strategy (default 1). */
  readonly weight: number;
  /** True only when its adapters parse real recorded responses. */
  readonly verified: boolean;
  readonly capabilities: CapabilityMap;
  readonly classify?: (body: unknown, status: number) => Classified | undefined;
  readonly retired?: string;
}

export type { Capability, ParamsOf, ResultOf, HttpRequest };
