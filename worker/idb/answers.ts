import type { DataAnswer } from '../../shared/api/monitor';
import type { AnswerRecord, MonitorDb } from './db';

/** Last known answers kept (the newest by ts); older ones are dropped on write. */
export const MAX_ANSWERS = 500;
const MAX_KEY_LENGTH = 2048;

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/** A plain, complete DataAnswer (what `remember` accepts); anything else is refused. */
export function isDataAnswer(a: unknown): a is DataAnswer<unknown> {
	if (a === null || typeof a !== 'object') return false;
	const x = a as Record<string, unknown>;
	return (
		x.data !== undefined &&
		typeof x.source === 'string' &&
		x.source.length > 0 &&
		finite(x.ts) &&
		typeof x.cached === 'boolean' &&
		typeof x.stale === 'boolean' &&
		finite(x.latencyMs)
	);
}

/**
 * The `answers` store: the last known answer per request key (`requestKey(capability, params)`),
 * for offline and first paint. Bounded to the `max` newest by the answer's ts.
 */
export class AnswerStore {
	constructor(
		private readonly db: MonitorDb,
		readonly max = MAX_ANSWERS,
	) {}

	/** Keeps the answer; returns false (and changes nothing) for a bad key or answer. */
	async remember(key: unknown, answer: unknown): Promise<boolean> {
		if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH || !isDataAnswer(answer)) return false;
		const { data, source, ts, cached, stale, latencyMs } = answer;
		const record: AnswerRecord = { key, capability: key.split(':')[0] ?? '', ts, answer: { data, source, ts, cached, stale, latencyMs } };
		const tx = this.db.transaction('answers', 'readwrite');
		await tx.store.put(record);
		let excess = (await tx.store.count()) - this.max;
		for (let c = await tx.store.index('ts').openCursor(); c && excess > 0; c = await c.continue(), excess--) await c.delete();
		await tx.done;
		return true;
	}

	async recall(key: string): Promise<DataAnswer<unknown> | undefined> {
		if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) return undefined;
		return (await this.db.get('answers', key))?.answer;
	}

	count(): Promise<number> {
		return this.db.count('answers');
	}
}
