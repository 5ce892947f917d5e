import type { FailureKind } from './adapter';

/** One candidate considered for a request: what happened and how long it took. */
export interface AttemptRecord {
  readonly provider: string;
  readonly outcome: 'ok' | FailureKind | 'aborted';
  readonly message?: string;
  readonly latencyMs: number;
}

/** Every answer says where it came from and how old it is. */
export interface Answer<T> {
  readonly ok: true;
  readonly data: T;
  readonly source: string;
  readonly attempts: readonly AttemptRecord[];
  readonly latencyMs: number;
  /** Served from the cache (fresh or revalidating). */
  readonly cached: boolean;
  /** Served from the cache past its freshness because every provider failed. */
  readonly stale: boolean;
  /** When the data was fetched from its source. */
  readonly ts: number;
}

export type FailureCode = 'bad_params' | 'no_provider' | 'all_failed';

export interface Failure {
  readonly ok: false;
  readonly code: FailureCode;
  readonly message: string;
  readonly attempts: readonly AttemptRecord[];
}

export type Outcome<T> = Answer<T> | Failure;

export function describeAttempts(attempts: readonly AttemptRecord[]): string {
  return attempts.map((a) => `${a.provider}: ${a.outcome}${a.message ? ` (${a.message})` : ''}`).join('; ');
}
