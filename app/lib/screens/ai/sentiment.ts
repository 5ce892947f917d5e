/** Pure helpers of the AI screen. */

/** What `text-sentiment` accepts per text (its params schema: 1–2000 characters). */
export const MAX_TEXT_LENGTH = 2000;
/** Texts scored per click: each is its own request, so this bounds the quota one click spends. */
export const MAX_TEXTS = 12;

export interface SplitTexts {
	texts: string[];
	/** Non-empty lines left out beyond `MAX_TEXTS`. */
	dropped: number;
	/** Texts cut to `MAX_TEXT_LENGTH`. */
	cut: number;
}

/** One text per non-empty line, trimmed, duplicates once, at most `max` of them, each at most `maxLength` long. */
export function splitTexts(input: string, max = MAX_TEXTS, maxLength = MAX_TEXT_LENGTH): SplitTexts {
	const lines = [...new Set(input.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== ''))];
	const kept = lines.slice(0, max);
	let cut = 0;
	const texts = kept.map((l) => {
		if (l.length <= maxLength) return l;
		cut++;
		return l.slice(0, maxLength);
	});
	return { texts, dropped: lines.length - kept.length, cut };
}

/**
 * `fn` over `items` with at most `limit` calls at a time; results in the items' order. Each text
 * is scored by its own request because providers differ: some score one text per call, and a
 * failure then costs one row, not the batch.
 */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
	const out: R[] = new Array<R>(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const i = next++;
			out[i] = await fn(items[i]!, i);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
	return out;
}

export type Label = 'positive' | 'neutral' | 'negative';

/** How many results carry each label. */
export function tally(labels: readonly (Label | undefined)[]): Record<Label, number> {
	const counts: Record<Label, number> = { positive: 0, neutral: 0, negative: 0 };
	for (const l of labels) if (l) counts[l]++;
	return counts;
}
