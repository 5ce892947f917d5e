import type { Engine, EngineEvents } from '../shared/engine';

type RequestEvent = EngineEvents['request'];

/** A bounded ring of the engine's latest upstream requests (the newest overwrite the oldest). */
export class RecentRequests {
	readonly #ring: RequestEvent[] = [];
	#next = 0;
	#off: (() => void) | undefined;

	constructor(readonly capacity = 1_000) {}

	attach(engine: Engine): void {
		this.#off?.();
		this.#off = engine.events.on('request', (e) => this.push(e));
	}

	push(e: RequestEvent): void {
		// A copy: the engine may reuse its payload objects.
		const copy: RequestEvent = { ...e };
		if (this.#ring.length < this.capacity) this.#ring.push(copy);
		else this.#ring[this.#next] = copy;
		this.#next = (this.#next + 1) % this.capacity;
	}

	/** Newest first. */
	latest(limit: number): RequestEvent[] {
		const out: RequestEvent[] = [];
		const n = this.#ring.length;
		for (let i = 1; i <= Math.min(limit, n); i++) out.push(this.#ring[(this.#next - i + n) % n] as RequestEvent);
		return out;
	}

	get size(): number {
		return this.#ring.length;
	}
}
