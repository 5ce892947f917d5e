import type { SentimentEnsembleT } from '../../../../shared/sentiment/schema';

/** Pure helpers of the ensemble card. */

/** "3 of 4": the agreeing votes of an item, as counts (agreement is a share of its votes). */
export function agreeCount(item: SentimentEnsembleT['items'][number]): { agree: number; of: number } {
	const of = item.votes.length;
	return { agree: Math.round(item.agreement * of), of };
}

/** The models that answered, as one source line ("lexicon, huggingface"). */
export const answeredBy = (e: SentimentEnsembleT): string =>
	e.models
		.filter((m) => m.ok)
		.map((m) => m.source)
		.join(', ');
