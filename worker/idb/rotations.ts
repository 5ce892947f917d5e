import type { RotationT } from '../../shared/api/monitor';
import type { MonitorDb } from './db';

/** Rotations kept (the engine keeps the same number in memory). */
export const MAX_ROTATIONS = 500;

/** The `rotations` store: the pools' rotation history, so it outlives the page. */
export class RotationStore {
	constructor(
		private readonly db: MonitorDb,
		readonly max = MAX_ROTATIONS,
	) {}

	async append(r: RotationT): Promise<void> {
		const tx = this.db.transaction('rotations', 'readwrite');
		await tx.store.add({ pool: r.pool, capability: r.capability, from: r.from, to: r.to, reason: r.reason, at: r.at });
		let excess = (await tx.store.count()) - this.max;
		for (let c = await tx.store.openCursor(); c && excess > 0; c = await c.continue(), excess--) await c.delete();
		await tx.done;
	}

	/** Newest first. */
	async list(limit = this.max): Promise<RotationT[]> {
		const out: RotationT[] = [];
		const tx = this.db.transaction('rotations');
		for (let c = await tx.store.openCursor(null, 'prev'); c && out.length < limit; c = await c.continue()) {
			const { pool, capability, from, to, reason, at } = c.value;
			out.push({ pool, capability: capability as RotationT['capability'], from, to, reason, at });
		}
		await tx.done;
		return out;
	}
}
