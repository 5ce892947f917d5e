/**
 * Ways a provider's body goes wrong, applied to a real recorded body: shared by the upstream
 * simulator (as injectable faults) and the conformance suite (as hostile bodies for every adapter).
 */
export const BODY_FAULTS = ['html', 'truncated', 'schema_drift', 'wrong_types', 'empty', 'stale', 'future', 'absurd'] as const;
export type BodyFault = (typeof BODY_FAULTS)[number];

const YEAR_MS = 365 * 24 * 3600_000;
/** An integer inside an array that looks like an epoch time (2008–2036, in s or ms): positional times. */
const isPositionalTime = (x: unknown): x is number =>
  typeof x === 'number' && Number.isInteger(x) && ((x >= 1.2e9 && x <= 2.1e9) || (x >= 1.2e12 && x <= 2.1e12));

const TIME_KEYS = /^(ts|t|time|timestamp|updated_at|last_updated|last_updated_at|closeTime|openTime|published_at|publishedAt|LASTUPDATE|created_utc)$/;

/** Apply a body fault to a JSON text; returns the new body (undefined for a kind that is not a body fault). */
export function corruptBody(kind: string, body: string): string | undefined {
  switch (kind) {
    case 'html':
      return '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';
    case 'truncated':
      return body.slice(0, Math.max(1, Math.floor(body.length / 2)));
    default:
      break;
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return kind === 'empty' ? '' : body;
  }
  switch (kind) {
    case 'schema_drift':
      return JSON.stringify(mapJson(json, { key: (k) => `${k}_v2` }));
    case 'wrong_types':
      return JSON.stringify(mapJson(json, { num: (n) => ({ value: n }) }));
    case 'empty':
      return Array.isArray(json) ? '[]' : '{}';
    case 'stale':
      return JSON.stringify(shiftTimes(json, -YEAR_MS));
    case 'future':
      return JSON.stringify(shiftTimes(json, YEAR_MS));
    case 'absurd':
      return JSON.stringify(mapJson(json, { num: (n) => n * 1000, str: (s) => (/^-?\d+(\.\d+)?$/.test(s) ? String(Number(s) * 1000) : s) }));
    default:
      return undefined;
  }
}

/**
 * A recording served as if it were live: every time-like value moves by the same amount so the
 * newest lands at `now` (seconds stay seconds, ms stay ms, ISO strings stay ISO strings).
 */
export function refreshTimes(body: string, now: number): string {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return body;
  }
  const newest = newestTime(json);
  return newest === undefined ? body : JSON.stringify(shiftTimes(json, now - newest));
}

function newestTime(v: unknown): number | undefined {
  let best: number | undefined;
  const visit = (x: unknown, key: string | undefined) => {
    if (Array.isArray(x)) {
      return x.forEach((y) => {
        if (isPositionalTime(y)) consider(y > 1e12 ? y : y * 1000);
        else visit(y, undefined);
      });
    }
    if (x !== null && typeof x === 'object') return Object.entries(x).forEach(([k, y]) => visit(y, k));
    if (key === undefined || !TIME_KEYS.test(key)) return;
    const ms = toMs(x);
    if (ms !== undefined) consider(ms);
  };
  const consider = (ms: number) => {
    if (best === undefined || ms > best) best = ms;
  };
  visit(v, undefined);
  return best;
}

function toMs(x: unknown): number | undefined {
  const n = typeof x === 'string' && /^\d+$/.test(x) ? Number(x) : x;
  if (typeof n === 'number' && n > 1e8) return n > 1e12 ? n : n * 1000;
  if (typeof x === 'string' && /^\d{4}-\d{2}-\d{2}/.test(x)) {
    const t = Date.parse(x);
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}

const shiftNumber = (n: number, deltaMs: number): number => (n > 1e12 ? n + deltaMs : n + Math.round(deltaMs / 1000));

interface Mappers {
  key?: (k: string) => string;
  num?: (n: number) => unknown;
  str?: (s: string) => unknown;
}

function mapJson(v: unknown, m: Mappers): unknown {
  if (Array.isArray(v)) return v.map((x) => mapJson(x, m));
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [m.key ? m.key(k) : k, mapJson(x, m)]));
  }
  if (typeof v === 'number' && m.num) return m.num(v);
  if (typeof v === 'string' && m.str) return m.str(v);
  return v;
}

/** Move values under time-like keys by `deltaMs` (seconds stay seconds, ms stay ms, strings stay strings). */
function shiftTimes(v: unknown, deltaMs: number): unknown {
  if (Array.isArray(v)) return v.map((x) => (isPositionalTime(x) ? shiftNumber(x, deltaMs) : shiftTimes(x, deltaMs)));
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(
    Object.entries(v).map(([k, x]) => {
      if (!TIME_KEYS.test(k)) return [k, shiftTimes(x, deltaMs)];
      const n = typeof x === 'string' && /^\d+$/.test(x) ? Number(x) : x;
      if (typeof n === 'number' && n > 1e8) {
        const shifted = shiftNumber(n, deltaMs);
        return [k, typeof x === 'string' ? String(shifted) : shifted];
      }
      if (typeof x === 'string' && /^\d{4}-\d{2}-\d{2}/.test(x) && !Number.isNaN(Date.parse(x))) return [k, new Date(Date.parse(x) + deltaMs).toISOString()];
      return [k, x];
    }),
  );
}
