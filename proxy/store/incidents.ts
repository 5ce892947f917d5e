import type { IncidentRecord, IncidentStore } from '../../shared/api/incidents';
import { INCIDENT_MAX_ROWS, INCIDENT_RETENTION_MS } from '../../shared/api/status-history';
import type { StoreDb } from './db';

interface Row {
	id: string;
	provider: string;
	capability: string | null;
	started_at: number;
	ended_at: number | null;
	cause: string | null;
	reason: string;
	reopened: number;
}

const toRecord = (r: Row): IncidentRecord => ({
	id: r.id,
	provider: r.provider,
	capability: r.capability,
	startedAt: r.started_at,
	endedAt: r.ended_at,
	cause: r.cause,
	reason: r.reason,
	reopened: r.reopened
});

const COLS = 'id, provider, capability, started_at, ended_at, cause, reason, reopened';

/** Breaker incidents (`incidents`), kept a year and at most `maxRows`, for the status pages. */
export class SqliteIncidents implements IncidentStore {
	constructor(
		private readonly db: StoreDb,
		private readonly now: () => number = Date.now,
		private readonly maxRows: number = INCIDENT_MAX_ROWS
	) {}

	upsert(r: IncidentRecord): void {
		this.db
			.statement(
				`INSERT INTO incidents (${COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET ended_at = excluded.ended_at, reopened = excluded.reopened, cause = excluded.cause, reason = excluded.reason`
			)
			.run(r.id, r.provider, r.capability, r.startedAt, r.endedAt, r.cause, r.reason, r.reopened);
	}

	list({ provider, since = 0, limit = 500 }: { provider?: string; since?: number; limit?: number } = {}): IncidentRecord[] {
		const n = Math.min(this.maxRows, Math.max(1, Math.floor(limit)));
		const rows =
			provider === undefined
				? this.db.statement<Row>(`SELECT ${COLS} FROM incidents WHERE ended_at IS NULL OR ended_at >= ? ORDER BY started_at DESC LIMIT ?`).all(since, n)
				: this.db.statement<Row>(`SELECT ${COLS} FROM incidents WHERE provider = ? AND (ended_at IS NULL OR ended_at >= ?) ORDER BY started_at DESC LIMIT ?`).all(provider, since, n);
		return rows.map(toRecord);
	}

	ongoing(): IncidentRecord[] {
		return this.db.statement<Row>(`SELECT ${COLS} FROM incidents WHERE ended_at IS NULL`).all().map(toRecord);
	}

	/** Drops incidents that ended over a year ago, then all but the newest `maxRows`; returns how many. */
	prune(): number {
		let n = this.db.statement('DELETE FROM incidents WHERE ended_at IS NOT NULL AND ended_at < ?').run(this.now() - INCIDENT_RETENTION_MS).changes;
		const cut = this.db.statement<{ started_at: number }>('SELECT started_at FROM incidents ORDER BY started_at DESC LIMIT 1 OFFSET ?').get(this.maxRows);
		if (cut) n += this.db.statement('DELETE FROM incidents WHERE started_at <= ? AND ended_at IS NOT NULL').run(cut.started_at).changes;
		return n;
	}
}
