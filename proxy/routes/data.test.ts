import { describe, expect, it } from 'vitest';
import { AnswerBytes } from './data';

describe('AnswerBytes', () => {
	it('reuses an answer for at most its age, then forgets it', () => {
		let t = 1_000;
		const bytes = new AnswerBytes(() => t, 1_000, 10);
		bytes.put('/api/data/price?symbols=BTC', '{"a":1}');
		t += 999;
		expect(bytes.get('/api/data/price?symbols=BTC')).toBe('{"a":1}');
		t += 1;
		expect(bytes.get('/api/data/price?symbols=BTC')).toBeUndefined();
	});

	it('keeps at most its bound, dropping the oldest first', () => {
		const bytes = new AnswerBytes(() => 0, 1_000, 2);
		bytes.put('a', '1');
		bytes.put('b', '2');
		bytes.put('c', '3');
		expect([bytes.get('a'), bytes.get('b'), bytes.get('c')]).toEqual([undefined, '2', '3']);
	});
});
