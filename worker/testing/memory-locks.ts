import type { LockManagerLike } from '../tabs';

/** Web Locks in memory, for tests: one holder per name, waiters granted in order when it lets go. */
export class MemoryLocks implements LockManagerLike {
	readonly #held = new Set<string>();
	readonly #waiting = new Map<string, Array<() => void>>();

	async request(name: string, options: { ifAvailable?: boolean }, callback: (lock: unknown) => Promise<unknown>): Promise<unknown> {
		if (this.#held.has(name)) {
			if (options.ifAvailable) return callback(null);
			await new Promise<void>((resolve) => {
				const q = this.#waiting.get(name) ?? [];
				q.push(resolve);
				this.#waiting.set(name, q);
			});
		}
		this.#held.add(name);
		try {
			return await callback({ name });
		} finally {
			const next = this.#waiting.get(name)?.shift();
			if (next) next();
			else this.#held.delete(name);
		}
	}
}
