/** One benchmark result line: `{"name","value","unit"}` plus `"baseline"` and `"ratio"` when a baseline ran in the same process. */
export interface BenchLine {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline?: number;
  readonly ratio?: number;
}

export function line(name: string, value: number, unit: string, baseline?: number): BenchLine {
  const round = (x: number) => Number(x.toPrecision(4));
  return baseline === undefined
    ? { name, value: round(value), unit }
    : { name, value: round(value), unit, baseline: round(baseline), ratio: round(value / baseline) };
}

/** Operations per second of `fn`, called in batches for about `ms` after a warm-up; best of `rounds`. */
export function opsPerSecond(fn: () => unknown, ms = 300, rounds = 3): number {
  const batch = 10_000;
  let sink = 0;
  const runFor = (budgetMs: number) => {
    const end = performance.now() + budgetMs;
    let ops = 0;
    const start = performance.now();
    while (performance.now() < end) {
      for (let i = 0; i < batch; i++) if (fn() === sink) sink++;
      ops += batch;
    }
    return ops / ((performance.now() - start) / 1000);
  };
  runFor(100);
  let best = 0;
  for (let r = 0; r < rounds; r++) best = Math.max(best, runFor(ms));
  if (sink < 0) console.error(sink);
  return best;
}

/**
 * Medians of per-call durations (µs) for several async variants, measured interleaved in short
 * rounds so that machine noise falls on all of them alike.
 */
export async function interleavedMedians(variants: ReadonlyArray<() => Promise<unknown>>, n = 30_000, round = 1_000): Promise<number[]> {
  for (const fn of variants) for (let i = 0; i < 5_000; i++) await fn();
  const samples = variants.map(() => new Float64Array(n));
  for (let done = 0; done < n; done += round) {
    for (let v = 0; v < variants.length; v++) {
      const fn = variants[v] as () => Promise<unknown>;
      const out = samples[v] as Float64Array;
      for (let i = done; i < Math.min(n, done + round); i++) {
        const t0 = process.hrtime.bigint();
        await fn();
        out[i] = Number(process.hrtime.bigint() - t0) / 1000;
      }
    }
  }
  return samples.map((s) => {
    s.sort();
    return s[n >> 1] as number;
  });
}

/** Median of per-call durations in microseconds, after a warm-up, over `n` sequential async calls. */
export async function medianMicros(fn: () => Promise<unknown>, n = 20_000, warmup = 5_000): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    samples[i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  samples.sort();
  return samples[n >> 1] as number;
}
