import { describe, expect, it } from 'vitest';
import { RotationHistory } from './history';
import { useTempData } from './testing';

const temp = useTempData();

describe('RotationHistory', () => {
	it('lists rotations newest first, by pool, and prunes to the newest', () => {
		const h = new RotationHistory(temp.open());
		for (let i = 0; i < 5; i++) h.append({ at: i, pool: i % 2 ? 'odd' : 'even', capability: 'price', from: `a${i}`, to: `b${i}`, reason: 'breaker open' });
		expect(h.list({ limit: 2 })).toEqual([
			{ at: 4, pool: 'even', capability: 'price', from: 'a4', to: 'b4', reason: 'breaker open' },
			{ at: 3, pool: 'odd', capability: 'price', from: 'a3', to: 'b3', reason: 'breaker open' },
		]);
		expect(h.list({ pool: 'odd' }).map((r) => r.at)).toEqual([3, 1]);
		expect(h.prune(2)).toBe(3);
		expect(h.list().map((r) => r.at)).toEqual([4, 3]);
	});
});
