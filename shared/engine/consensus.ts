import type { Quote } from '../model';

/** Spread of one symbol's price across providers. */
export interface PriceSpread {
  readonly symbol: string;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** (max - min) / median, in percent, over the providers kept. */
  readonly spreadPct: number;
  readonly providers: ReadonlyArray<{ readonly provider: string; readonly price: number; readonly deviationPct: number; readonly outlier: boolean }>;
}

export interface ConsensusResult {
  readonly quotes: Quote[];
  readonly spreads: PriceSpread[];
  /** Providers that deviated beyond the threshold on any symbol. */
  readonly outliers: string[];
}

/** Default threshold beyond which a provider's price is an outlier: 2 % from the median. */
export const DEFAULT_DEVIATION_PCT = 2;

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * Median price per symbol across providers; a provider more than `thresholdPct` from the
 * median is an outlier and is left out of the spread. With two providers there is no
 * majority, so nothing is called an outlier.
 */
export function priceConsensus(
  answers: ReadonlyArray<{ readonly provider: string; readonly quotes: readonly Quote[] }>,
  thresholdPct = DEFAULT_DEVIATION_PCT,
): ConsensusResult {
  const bySymbol = new Map<string, Array<{ provider: string; quote: Quote }>>();
  for (const a of answers) {
    for (const q of a.quotes) {
      const list = bySymbol.get(q.symbol) ?? [];
      list.push({ provider: a.provider, quote: q });
      bySymbol.set(q.symbol, list);
    }
  }
  const quotes: Quote[] = [];
  const spreads: PriceSpread[] = [];
  const outliers = new Set<string>();
  for (const [symbol, list] of bySymbol) {
    const med = median(list.map((x) => x.quote.price));
    const judged = list.map(({ provider, quote }) => {
      const deviationPct = (Math.abs(quote.price - med) / med) * 100;
      return { provider, price: quote.price, deviationPct, outlier: list.length >= 3 && deviationPct > thresholdPct };
    });
    for (const j of judged) if (j.outlier) outliers.add(j.provider);
    const kept = judged.filter((j) => !j.outlier).map((j) => j.price);
    const min = Math.min(...kept);
    const max = Math.max(...kept);
    const keptMedian = median(kept);
    spreads.push({ symbol, median: keptMedian, min, max, spreadPct: ((max - min) / keptMedian) * 100, providers: judged });
    const newest = list.reduce((a, b) => (b.quote.ts > a.quote.ts ? b : a)).quote;
    quotes.push({ ...newest, price: keptMedian });
  }
  return { quotes, spreads, outliers: [...outliers] };
}
