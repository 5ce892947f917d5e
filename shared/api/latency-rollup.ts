/**
 * Response time per provider per hour, for the status pages' chart. The engine's Stats keep one
 * latency histogram per endpoint for all time (no history), so this keeps a coarse histogram per
 * hour: buckets grow by 25%, so a percentile is within ~12% of the sample. Successful calls only,
 * as Stats measure. Hours older than `keepMs` (30 days) are dropped as new hours start.
 */

const RATIO = 1.25;
const LOG_RATIO = Math.log(RATIO);
const MAX_BUCKET = Math.ceil(Math.log(600_000) / LOG_RATIO);
export const HOUR_MS = 3_600_000;
export const LATENCY_KEEP_MS = 30 * 86_400_000;
/** Where a home's Store keeps the snapshot. */
export const LATENCY_STORE_KEY = 'status:latency';

export type LatencySnapshot = { v: 1; providers: Record<string, Array<[number, Array<[number, number]>]>> };

type Hist = Map<number, number>;

const bucketOf = (ms: number): number => (ms <= 1 ? 0 : Math.min(MAX_BUCKET, Math.ceil(Math.log(ms) / LOG_RATIO)));
const valueOf = (i: number): number => (i === 0 ? 1 : RATIO ** (i - 0.5));

/** The p-th percentile (0..100) of a histogram, 0 when empty. */
export function percentileOf(h: ReadonlyMap<number, number>, p: number): number {
  let count = 0;
  for (const c of h.values()) count += c;
  if (count === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * count));
  let seen = 0;
  for (const i of [...h.keys()].sort((a, b) => a - b)) {
    seen += h.get(i) ?? 0;
    if (seen >= rank) return valueOf(i);
  }
  return 0;
}

export class LatencyRollup {
  readonly #providers = new Map<string, Map<number, Hist>>();
  readonly #keepMs: number;

  constructor(keepMs = LATENCY_KEEP_MS) {
    this.#keepMs = keepMs;
  }

  record(provider: string, latencyMs: number, at: number): void {
    if (!(latencyMs >= 0) || !Number.isFinite(at)) return;
    let hours = this.#providers.get(provider);
    if (!hours) this.#providers.set(provider, (hours = new Map()));
    const t = Math.floor(at / HOUR_MS) * HOUR_MS;
    let h = hours.get(t);
    if (!h) {
      hours.set(t, (h = new Map()));
      for (const old of hours.keys()) if (old <= t - this.#keepMs) hours.delete(old);
    }
    const b = bucketOf(latencyMs);
    h.set(b, (h.get(b) ?? 0) + 1);
  }

  /** Hourly p50/p95 over (now - keepMs, now] of the given providers' calls merged, oldest first; hours without calls are left out. */
  series(providers: readonly string[], now: number): Array<{ t: number; p50: number; p95: number; count: number }> {
    const merged = new Map<number, Hist>();
    for (const p of providers) {
      for (const [t, h] of this.#providers.get(p) ?? []) {
        if (t <= now - this.#keepMs || t > now) continue;
        let m = merged.get(t);
        if (!m) merged.set(t, (m = new Map()));
        for (const [i, c] of h) m.set(i, (m.get(i) ?? 0) + c);
      }
    }
    return [...merged.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([t, h]) => {
        let count = 0;
        for (const c of h.values()) count += c;
        return { t, p50: percentileOf(h, 50), p95: percentileOf(h, 95), count };
      });
  }

  snapshot(): LatencySnapshot {
    const providers: LatencySnapshot['providers'] = {};
    for (const [p, hours] of this.#providers) providers[p] = [...hours].map(([t, h]) => [t, [...h]]);
    return { v: 1, providers };
  }

  /** A snapshot from an older or foreign version is ignored piece by piece, never trusted whole. */
  static restore(s: unknown, keepMs = LATENCY_KEEP_MS): LatencyRollup {
    const r = new LatencyRollup(keepMs);
    if (s === null || typeof s !== 'object' || (s as { v?: unknown }).v !== 1) return r;
    const providers = (s as { providers?: unknown }).providers;
    if (providers === null || typeof providers !== 'object') return r;
    for (const [p, hours] of Object.entries(providers as Record<string, unknown>)) {
      if (!Array.isArray(hours)) continue;
      const map = new Map<number, Hist>();
      for (const entry of hours) {
        if (!Array.isArray(entry) || typeof entry[0] !== 'number' || !Array.isArray(entry[1])) continue;
        const h: Hist = new Map();
        for (const pair of entry[1] as unknown[]) {
          if (Array.isArray(pair) && Number.isInteger(pair[0]) && typeof pair[1] === 'number' && pair[1] > 0) h.set(pair[0] as number, pair[1]);
        }
        map.set(entry[0], h);
      }
      r.#providers.set(p, map);
    }
    return r;
  }
}
