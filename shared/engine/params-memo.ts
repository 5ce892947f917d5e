import { CAPABILITIES, type Capability } from '../model';
import { summarizeIssues } from './pipeline';

/** Validated params and the cache key they map to. */
export interface Prepared {
  readonly params: unknown;
  readonly key: string;
}

/** Distinct request shapes whose validated params are remembered. */
const PREPARED_LIMIT = 1_000;

/**
 * Validated params and the cache key of each request, memoised: callers repeat the same few
 * requests, and a zod parse costs more than the rest of a cache hit. Known by the input's JSON
 * (bounded), and first by the input object itself: a caller that repeats one params object (a
 * feed's poll) skips the JSON too, checked against a copy of what the object held when first
 * seen, so one changed in place is never mistaken for what it was.
 */
export class ParamsMemo {
  /** By capability, then by the input's JSON; `#size` counts them all. */
  readonly #byJson = new Map<Capability, Map<string, Prepared>>();
  #size = 0;
  readonly #byInput = new WeakMap<object, { capability: Capability; snapshot: unknown; prepared: Prepared }>();

  /** The validated params and cache key, or why the params are refused. */
  prepare(capability: Capability, input: unknown): Prepared | string {
    const known = typeof input === 'object' && input !== null ? this.#byInput.get(input) : undefined;
    if (known && known.capability === capability && sameJson(input, known.snapshot)) return known.prepared;
    let json: string | undefined;
    try {
      json = JSON.stringify(input);
    } catch {
      json = undefined;
    }
    let memo = this.#byJson.get(capability);
    const hit = json === undefined || !memo ? undefined : memo.get(json);
    if (hit) {
      this.#remember(capability, input, json as string, hit);
      return hit;
    }
    const parsed = CAPABILITIES[capability].params.safeParse(input);
    if (!parsed.success) return summarizeIssues(parsed.error.issues);
    const prepared = { params: parsed.data, key: `${capability}:${JSON.stringify(parsed.data)}` };
    if (json !== undefined) {
      if (!memo) this.#byJson.set(capability, (memo = new Map()));
      if (this.#size >= PREPARED_LIMIT) {
        for (const m of this.#byJson.values()) m.clear();
        this.#size = 0;
      }
      memo.set(json, prepared);
      this.#size++;
      this.#remember(capability, input, json, prepared);
    }
    return prepared;
  }

  #remember(capability: Capability, input: unknown, json: string, prepared: Prepared): void {
    if (typeof input === 'object' && input !== null) this.#byInput.set(input, { capability, snapshot: JSON.parse(json) as unknown, prepared });
  }
}

/**
 * Whether `value` serialises to the same JSON as `copy` (a JSON.parse result). Conservative: a
 * value JSON would treat specially (undefined, NaN, a Date, a toJSON) compares unequal.
 */
function sameJson(value: unknown, copy: unknown): boolean {
  try {
    return sameJsonOrThrow(value, copy);
  } catch {
    // A getter that throws: not the object it was (what follows meets the throw as before).
    return false;
  }
}

function sameJsonOrThrow(value: unknown, copy: unknown): boolean {
  if (value === copy) return true;
  if (typeof value !== 'object' || value === null || typeof copy !== 'object' || copy === null) return false;
  if (Array.isArray(copy)) {
    if (!Array.isArray(value) || value.length !== copy.length) return false;
    for (let i = 0; i < copy.length; i++) if (!sameJsonOrThrow(value[i], copy[i])) return false;
    return true;
  }
  if (Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) return false;
  const v = value as Record<string, unknown>;
  const c = copy as Record<string, unknown>;
  let n = 0;
  for (const k in v) {
    if (!Object.hasOwn(c, k) || !sameJsonOrThrow(v[k], c[k])) return false;
    n++;
  }
  for (const k in c) if (Object.hasOwn(c, k)) n--;
  return n === 0;
}
