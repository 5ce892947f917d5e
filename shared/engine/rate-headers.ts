import { parseRetryAfter } from './pipeline';

/**
 * What a response's rate-limit headers say, as budgets the limiter can enforce. Understood
 * (lower-case names, with or without the `x-` prefix, `x-rate-limit-*` too):
 * `retry-after`; `ratelimit-remaining` + `ratelimit-reset` (seconds from now, epoch seconds or
 * epoch ms, or an HTTP date); `ratelimit-remaining-<second|minute|hour|day|month>` (Kong style).
 */

export interface LearnedBudget {
  /** Which header family it came from ('main', 'second', 'minute', …). */
  readonly label: string;
  /** Units the provider says are left. */
  readonly remaining: number;
  /** Epoch ms when the budget no longer applies (the provider's reset, or a conservative guess). */
  readonly until: number;
}

export interface RateHeaders {
  /** Epoch ms until which no call should be made (from Retry-After). */
  readonly retryUntil?: number;
  readonly budgets: readonly LearnedBudget[];
}

/** Without a reset header, a learned remaining count is trusted for this long. */
export const DEFAULT_LEARNED_WINDOW_MS = 60_000;

const UNITS = {
  second: 1_000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  month: 30 * 86_400_000,
} as const;

const PREFIXES = ['x-ratelimit-', 'ratelimit-', 'x-rate-limit-'] as const;

/** Whether any header could carry rate-limit information (a cheap scan of the names). */
export function hasRateHeaders(headers: Readonly<Record<string, string>>): boolean {
  for (const k in headers) if (k === 'retry-after' || k.includes('ratelimit') || k.includes('rate-limit')) return true;
  return false;
}

function header(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  for (const p of PREFIXES) {
    const v = headers[p + name];
    if (v !== undefined && v.trim() !== '') return v.trim();
  }
  return undefined;
}

function count(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.split(/[,;]/)[0]);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : undefined;
}

/** Reset as epoch ms: small numbers are seconds from now, large ones epoch seconds or ms. */
export function parseReset(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (Number.isFinite(n) && n >= 0) {
    if (n >= 1e12) return n;
    if (n >= 1e9) return n * 1000;
    return now + n * 1000;
  }
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : at;
}

export function readRateHeaders(headers: Readonly<Record<string, string>>, now: number): RateHeaders {
  const budgets: LearnedBudget[] = [];
  const retryMs = parseRetryAfter(headers['retry-after'], now);

  const remaining = count(header(headers, 'remaining'));
  if (remaining !== undefined) {
    const limit = count(header(headers, 'limit'));
    const reset = parseReset(header(headers, 'reset'), now);
    const until = reset !== undefined && reset > now ? reset : now + DEFAULT_LEARNED_WINDOW_MS;
    budgets.push({ label: 'main', remaining: limit === undefined ? remaining : Math.min(remaining, limit), until });
  }
  for (const [unit, ms] of Object.entries(UNITS)) {
    const left = count(header(headers, `remaining-${unit}`));
    // The window's alignment is unknown, so assume it refills no sooner than one unit from now.
    if (left !== undefined) budgets.push({ label: unit, remaining: left, until: now + ms });
  }
  return retryMs === undefined ? { budgets } : { retryUntil: now + retryMs, budgets };
}
