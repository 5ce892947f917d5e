import { INTERVAL_MS, type Candle, type Interval } from '../../../../shared/model';

/** Pure helpers of the Charts screen. */

export interface CandleSummary {
	first: Candle;
	last: Candle;
	high: number;
	low: number;
	/** From the first candle's open to the last candle's close, in percent. */
	changePct: number;
	/** Summed volume, in the base currency. */
	volume: number;
}

/** Figures over a run of candles (ascending by time), or undefined for none. */
export function summarize(candles: readonly Candle[]): CandleSummary | undefined {
	const first = candles[0];
	const last = candles[candles.length - 1];
	if (!first || !last) return undefined;
	let high = -Infinity;
	let low = Infinity;
	let volume = 0;
	for (const c of candles) {
		high = Math.max(high, c.h);
		low = Math.min(low, c.l);
		volume += c.v;
	}
	return { first, last, high, low, changePct: ((last.c - first.o) / first.o) * 100, volume };
}

/**
 * How often to ask again for candles of an interval: a quarter of the interval, at least 15 s
 * and at most 5 min (a daily candle does not need asking every 6 hours to keep its last price).
 */
export function refreshMs(interval: Interval): number {
	return Math.min(300_000, Math.max(15_000, INTERVAL_MS[interval] / 4));
}

/** Decimals that keep a price readable whatever its size (BTC 60,650.01; SHIB 0.00001234). */
export function priceDigits(n: number): number {
	const a = Math.abs(n);
	return a >= 1 ? 2 : a >= 0.01 ? 4 : 8;
}

/**
 * A candle's body as a floating bar [bottom, top]. A candle that closed where it opened gets a
 * hairline body, so it still shows.
 */
export function body(c: Candle): [number, number] {
	const lo = Math.min(c.o, c.c);
	const hi = Math.max(c.o, c.c);
	return hi > lo ? [lo, hi] : [lo, lo + Math.max(lo * 1e-5, 1e-9)];
}

/** Best bid/ask spread: absolute and in percent of the mid price. */
export function spread(bid: number | undefined, ask: number | undefined): { abs: number; pct: number } | undefined {
	if (bid === undefined || ask === undefined || ask < bid) return undefined;
	const mid = (bid + ask) / 2;
	return { abs: ask - bid, pct: mid > 0 ? ((ask - bid) / mid) * 100 : 0 };
}

/** Order-book levels with their running (cumulative) amount and its share of the side's total, for depth bars. */
export function withDepth(levels: readonly (readonly [number, number])[], n: number): { price: number; amount: number; cumulative: number; share: number }[] {
	const shown = levels.slice(0, n);
	let cumulative = 0;
	const rows = shown.map(([price, amount]) => ({ price, amount, cumulative: (cumulative += amount), share: 0 }));
	const total = cumulative || 1;
	for (const r of rows) r.share = r.cumulative / total;
	return rows;
}

/**
 * A spread in percent, readable when tiny: two significant decimals down to 0.01 %, then
 * "< 0.01%" (a 1-cent spread on a 60,000 price is 0.00002 %). `fmt` writes a number in the locale.
 */
export function spreadPct(pct: number, fmt: (n: number, digits: number) => string): string {
	if (pct > 0 && pct < 0.01) return `< ${fmt(0.01, 2)}%`;
	return `${fmt(pct, 2)}%`;
}
