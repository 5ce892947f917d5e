import { describe, expect, it } from 'vitest';
import { mapLimited, splitTexts, tally } from './sentiment';

describe('splitTexts', () => {
	it('takes one trimmed text per non-empty line, each once', () => {
		expect(splitTexts('  Bitcoin rallies \n\n\nETH falls\r\nBitcoin rallies')).toEqual({ texts: ['Bitcoin rallies', 'ETH falls'], dropped: 0, cut: 0 });
	});

	it('keeps at most max texts and counts the rest', () => {
		const r = splitTexts('a\nb\nc\nd', 2);
		expect(r.texts).toEqual(['a', 'b']);
		expect(r.dropped).toBe(2);
	});

	it('cuts texts longer than the limit', () => {
		const r = splitTexts(`${'x'.repeat(10)}\nshort`, 5, 4);
		expect(r.texts).toEqual(['xxxx', 'shor']);
		expect(r.cut).toBe(2);
	});

	it('gives nothing for blank input', () => {
		expect(splitTexts('  \n \n').texts).toEqual([]);
	});
});

describe('mapLimited', () => {
	it('keeps the order of the items and never runs more than the limit at once', async () => {
		let running = 0;
		let peak = 0;
		const result = await mapLimited([30, 10, 20, 5, 15], 2, async (ms, i) => {
			running++;
			peak = Math.max(peak, running);
			await new Promise((r) => setTimeout(r, ms));
			running--;
			return i * 10;
		});
		expect(result).toEqual([0, 10, 20, 30, 40]);
		expect(peak).toBe(2);
	});

	it('handles no items', async () => {
		expect(await mapLimited([], 3, async () => 1)).toEqual([]);
	});
});

describe('tally', () => {
	it('counts each label and skips missing ones', () => {
		expect(tally(['positive', 'negative', undefined, 'positive'])).toEqual({ positive: 2, neutral: 0, negative: 1 });
	});
});
