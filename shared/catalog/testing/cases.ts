import type { Capability, ParamsInput, ResultOf } from '../../model';
import type { FailureKind } from '../../engine/adapter';

/**
 * One real recorded response and what it must become. Pure data, so the conformance suite,
 * the upstream simulator and `npm run normalize` all read the same list.
 */
export interface CaseOf<C extends Capability> {
  readonly capability: C;
  /** Path under tests/fixtures/upstream. */
  readonly fixture: string;
  readonly params?: ParamsInput<C>;
  /** HTTP status the fixture was recorded with (default 200). */
  readonly status?: number;
  /** For error recordings: the failure kind the adapter must classify it as. */
  readonly fails?: FailureKind;
  /** What the canonical result must contain (toMatchObject); for lists, its first items in order. */
  readonly expect?: ResultOf<C> extends readonly (infer E)[] ? readonly Partial<E>[] : Partial<ResultOf<C>>;
}

export type FixtureCase = { [C in Capability]: CaseOf<C> }[Capability];
