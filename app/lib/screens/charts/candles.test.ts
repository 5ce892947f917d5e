import { describe, expect, it } from 'vitest';
import { body, priceDigits, refreshMs, spread, spreadPct, summarize, withDepth } from './candles';

const c = (t: number, o: number, h: number, l: number, cl: number, v: number) => ({ t, o, h, l, c: cl, v });

describe('summarize', () => {
	it('takes the range high, low, summed volume and change from first open to last close', () => {
		const s = summarize([c(1, 100, 110, 95, 105, 2), c(2, 105, 120, 101, 90, 3)]);
		expect(s).toMatchObject({ high: 120, low: 95, volume: 5 });
		expect(s?.changePct).toBeCloseTo(-10);
		expect(s?.first.t).toBe(1);
		expect(s?.last.t).toBe(2);
	});
	it('has nothing to say about no candles', () => {
		expect(summarize([])).toBeUndefined();
	});
});

describe('refreshMs', () => {
	it('asks a quarter of the interval, between 15 s and 5 min', () => {
		expect(refreshMs('1m')).toBe(15_000);
		expect(refreshMs('5m')).toBe(75_000);
		expect(refreshMs('1h')).toBe(300_000);
		expect(refreshMs('1w')).toBe(300_000);
	});
});

describe('priceDigits', () => {
	it('gives small prices more decimals', () => {
		expect(priceDigits(60650.01)).toBe(2);
		expect(priceDigits(0.12)).toBe(4);
		expect(priceDigits(0.00001234)).toBe(8);
	});
});

describe('body', () => {
	it('spans open to close whichever is higher', () => {
		expect(body(c(1, 100, 110, 95, 105, 1))).toEqual([100, 105]);
		expect(body(c(1, 105, 110, 95, 100, 1))).toEqual([100, 105]);
	});
	it('gives a flat candle a visible hairline', () => {
		const [lo, hi] = body(c(1, 100, 100, 100, 100, 1));
		expect(lo).toBe(100);
		expect(hi).toBeGreaterThan(100);
	});
});

describe('spread', () => {
	it('is the ask minus the bid, and its share of the mid price', () => {
		const s = spread(99, 101);
		expect(s?.abs).toBe(2);
		expect(s?.pct).toBeCloseTo(2);
	});
	it('is unknown without both sides or when crossed', () => {
		expect(spread(undefined, 1)).toBeUndefined();
		expect(spread(2, 1)).toBeUndefined();
	});
});

describe('withDepth', () => {
	it('accumulates amounts and their share of the shown total', () => {
		const rows = withDepth([[10, 1], [9, 3], [8, 4]], 2);
		expect(rows.map((r) => r.cumulative)).toEqual([1, 4]);
		expect(rows.map((r) => r.share)).toEqual([0.25, 1]);
	});
});

describe('spreadPct', () => {
	const fmt = (n: number, d: number) => n.toFixed(d);
	it('shows tiny spreads as under 0.01 %', () => {
		expect(spreadPct(0.0000165, fmt)).toBe('< 0.01%');
	});
	it('shows others with two decimals, and a zero spread as zero', () => {
		expect(spreadPct(0.25, fmt)).toBe('0.25%');
		expect(spreadPct(0, fmt)).toBe('0.00%');
	});
});
