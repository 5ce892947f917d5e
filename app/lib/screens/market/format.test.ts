import { describe, expect, it } from 'vitest';
import { direction, gaugeArc, gaugePoint, safeHref, shorten, topShares, valueDaysAgo, zoneOf } from './format';

describe('direction', () => {
	it('says up, down or flat, with changes under half a hundredth flat', () => {
		expect(direction(1.2)).toBe('up');
		expect(direction(-0.01)).toBe('down');
		expect(direction(0.004)).toBe('flat');
		expect(direction(-0.004)).toBe('flat');
		expect(direction(Number.NaN)).toBe('flat');
	});
});

describe('topShares', () => {
	it('keeps the largest shares first and sums the rest of 100 % as other', () => {
		const { top, other } = topShares({ ETH: 16, BTC: 38, USDT: 7, DOGE: 0.8 }, 2);
		expect(top).toEqual([{ symbol: 'BTC', pct: 38 }, { symbol: 'ETH', pct: 16 }]);
		expect(other).toBeCloseTo(46);
	});

	it('never returns a negative remainder', () => {
		expect(topShares({ A: 70, B: 40 }, 2).other).toBe(0);
	});
});

describe('fear & greed gauge', () => {
	it('puts values in their zones, clamping out-of-range ones', () => {
		expect(zoneOf(0).zone).toBe('extremeFear');
		expect(zoneOf(13).zone).toBe('extremeFear');
		expect(zoneOf(25).zone).toBe('fear');
		expect(zoneOf(50).zone).toBe('neutral');
		expect(zoneOf(60).zone).toBe('greed');
		expect(zoneOf(100).zone).toBe('extremeGreed');
		expect(zoneOf(140).zone).toBe('extremeGreed');
	});

	it('maps 0 to the left end, 50 to the top and 100 to the right end', () => {
		expect(gaugePoint(0, 100, 100, 80)).toEqual({ x: 20, y: 100 });
		expect(gaugePoint(50, 100, 100, 80)).toEqual({ x: 100, y: 20 });
		expect(gaugePoint(100, 100, 100, 80)).toEqual({ x: 180, y: 100 });
	});

	it('draws an arc between two values', () => {
		expect(gaugeArc(0, 50, 100, 100, 80)).toBe('M 20 100 A 80 80 0 0 1 100 20');
	});
});

describe('valueDaysAgo', () => {
	const day = 86_400_000;
	const history = [
		{ value: 13, ts: 10 * day },
		{ value: 11, ts: 9 * day },
		{ value: 30, ts: 3 * day },
	];
	it('finds the point about n days before the newest', () => {
		expect(valueDaysAgo(history, 1)).toBe(11);
		expect(valueDaysAgo(history, 7)).toBe(30);
	});
	it('says nothing when the history does not reach back that far', () => {
		expect(valueDaysAgo(history, 30)).toBeUndefined();
		expect(valueDaysAgo([], 1)).toBeUndefined();
	});
});

describe('safeHref', () => {
	it('keeps http and https links', () => {
		expect(safeHref('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
		expect(safeHref('http://example.com')).toBe('http://example.com/');
	});
	it('refuses script, data and unparsable URLs', () => {
		expect(safeHref('javascript:alert(1)')).toBeUndefined();
		expect(safeHref('JAVASCRIPT:alert(1)')).toBeUndefined();
		expect(safeHref('data:text/html,<b>x</b>')).toBeUndefined();
		expect(safeHref('not a url')).toBeUndefined();
	});
});

describe('shorten', () => {
	it('keeps the head and tail of a long id', () => {
		expect(shorten('0xb8553D9ee35dd23BB96fbd679E651B929821969B')).toBe('0xb855…969B');
		expect(shorten('short')).toBe('short');
	});
});
