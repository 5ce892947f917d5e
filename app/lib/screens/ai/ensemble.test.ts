import { describe, expect, it } from 'vitest';
import { agreeCount, answeredBy } from './ensemble';

const vote = (source: string, label: 'positive' | 'negative') => ({ source, model: source, label, score: 0.9 });

describe('ensemble helpers', () => {
	it('turns agreement back into "k of n" votes', () => {
		const item = { text: 't', label: 'positive' as const, score: 0.9, agreement: 2 / 3, votes: [vote('a', 'positive'), vote('b', 'positive'), vote('c', 'negative')] };
		expect(agreeCount(item)).toEqual({ agree: 2, of: 3 });
	});

	it('names only the models that answered', () => {
		expect(answeredBy({ items: [], ts: 1, models: [{ source: 'lexicon', ok: true, latencyMs: 1 }, { source: 'hf-finbert', ok: false, latencyMs: 3, error: 'rate_limited' }, { source: 'huggingface', ok: true, latencyMs: 9 }] })).toBe('lexicon, huggingface');
	});
});
