import type { RotationRecord } from '../../shared/engine';
import type { StoreDb } from './db';

export const DEFAULT_ROTATIONS_KEPT = 10_000;

/** The pools' rotation history (`rotation_history`), for `/api/pools/history`. */
export class RotationHistory {
	constructor(
		private readonly db: StoreDb,
		private readonly keep: number = DEFAULT_ROTATIONS_KEPT,
	) {}

	append(r: RotationRecord): void {
		this.db
			.statement('INSERT INTO rotation_history (at, pool, capability, from_provider, to_provider, reason) VALUES (?, ?, ?, ?, ?, ?)')
			.run(r.at, r.pool, r.capability, r.from, r.to, r.reason);
	}

	/** Newest first. */
	list({ pool, limit = 100 }: { pool?: string; limit?: number } = {}): RotationRecord[] {
		const n = Math.min(this.keep, Math.max(1, Math.floor(limit)));
		const cols = 'at, pool, capability, from_provider AS "from", to_provider AS "to", reason';
		return pool === undefined
			? this.db.statement<RotationRecord>(`SELECT ${cols} FROM rotation_history ORDER BY id DESC LIMIT ?`).all(n)
			: this.db.statement<RotationRecord>(`SELECT ${cols} FROM rotation_history WHERE pool = ? ORDER BY id DESC LIMIT ?`).all(pool, n);
	}

	/** Keeps the newest `keep` rows; returns how many were deleted. */
	prune(keep = this.keep): number {
		const cut = this.db.statement<{ id: number }>('SELECT id FROM rotation_history ORDER BY id DESC LIMIT 1 OFFSET ?').get(Math.max(0, Math.floor(keep)));
		return cut ? this.db.statement('DELETE FROM rotation_history WHERE id <= ?').run(cut.id).changes : 0;
	}
}
