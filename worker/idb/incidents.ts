import type { IncidentRecord, IncidentStore } from '../../shared/api/incidents';
import { INCIDENT_MAX_ROWS, INCIDENT_RETENTION_MS } from '../../shared/api/status-history';
import type { MonitorDb } from './db';

/** The `incidents` store: breaker incidents kept a year (and at most `maxRows`), for the status pages. */
export class IdbIncidents implements IncidentStore {
	constructor(
		private readonly db: MonitorDb,
		private readonly now: () => number = Date.now,
		private readonly maxRows: number = INCIDENT_MAX_ROWS,
	) {}

	async upsert(r: IncidentRecord): Promise<void> {
		await this.db.put('incidents', { ...r });
	}

	/** Newest first. */
	async list({ provider, since = 0, limit = 500 }: { provider?: string; since?: number; limit?: number } = {}): Promise<IncidentRecord[]> {
		const rows = provider === undefined ? await this.db.getAll('incidents') : await this.db.getAllFromIndex('incidents', 'provider', provider);
		return rows
			.filter((r) => r.endedAt === null || r.endedAt >= since)
			.sort((a, b) => b.startedAt - a.startedAt)
			.slice(0, Math.max(1, Math.floor(limit)));
	}

	async ongoing(): Promise<IncidentRecord[]> {
		return (await this.db.getAll('incidents')).filter((r) => r.endedAt === null);
	}

	/** Drops incidents that ended over a year ago, then the oldest past `maxRows`; returns how many. */
	async prune(): Promise<number> {
		const cutoff = this.now() - INCIDENT_RETENTION_MS;
		const tx = this.db.transaction('incidents', 'readwrite');
		let deleted = 0;
		let kept = 0;
		// Newest first by start, so everything past `maxRows` (and ended) goes.
		for (let c = await tx.store.index('startedAt').openCursor(null, 'prev'); c; c = await c.continue()) {
			const r = c.value;
			if (r.endedAt !== null && (r.endedAt < cutoff || kept >= this.maxRows)) {
				await c.delete();
				deleted++;
			} else kept++;
		}
		await tx.done;
		return deleted;
	}
}
