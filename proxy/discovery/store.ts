import { CandidateView, DiscoveryRun } from '../../shared/api/discovery';
import type { StoreDb } from '../store';

interface RunRow {
	id: number;
	trigger: string;
	started_at: number;
	finished_at: number | null;
	total: number;
	probed: number;
	accepted: number;
	rejected: number;
	source_errors: string;
}

const toRun = (r: RunRow): DiscoveryRun => DiscoveryRun.parse({ id: r.id, trigger: r.trigger, startedAt: r.started_at, finishedAt: r.finished_at, total: r.total, probed: r.probed, accepted: r.accepted, rejected: r.rejected, sourceErrors: JSON.parse(r.source_errors) as unknown });

/** How many runs the history keeps. */
export const RUNS_KEPT = 200;

/** Discovery's tables (migration 6): the run history and the candidates with their last verdict. */
export class DiscoveryStore {
	readonly #db: StoreDb;
	constructor(db: StoreDb) {
		this.#db = db;
	}

	startRun(trigger: DiscoveryRun['trigger'], at: number): DiscoveryRun {
		const info = this.#db.statement('INSERT INTO discovery_runs (trigger, started_at) VALUES (?, ?)').run(trigger, at);
		return this.run(Number(info.lastInsertRowid)) as DiscoveryRun;
	}

	updateRun(run: DiscoveryRun): void {
		this.#db
			.statement('UPDATE discovery_runs SET finished_at = ?, total = ?, probed = ?, accepted = ?, rejected = ?, source_errors = ? WHERE id = ?')
			.run(run.finishedAt, run.total, run.probed, run.accepted, run.rejected, JSON.stringify(run.sourceErrors), run.id);
		// Oldest runs go past the cap.
		this.#db.statement('DELETE FROM discovery_runs WHERE id <= (SELECT id FROM discovery_runs ORDER BY id DESC LIMIT 1 OFFSET ?)').run(RUNS_KEPT);
	}

	run(id: number): DiscoveryRun | undefined {
		const row = this.#db.statement<RunRow>('SELECT * FROM discovery_runs WHERE id = ?').get(id);
		return row ? toRun(row) : undefined;
	}

	/** Newest first. */
	runs(limit = 50): DiscoveryRun[] {
		return this.#db.statement<RunRow>('SELECT * FROM discovery_runs ORDER BY id DESC LIMIT ?').all(limit).map(toRun);
	}

	/** A run left unfinished by a crash or restart is closed as it stood. */
	closeUnfinished(at: number): void {
		this.#db.statement(`UPDATE discovery_runs SET finished_at = ?, source_errors = json_insert(source_errors, '$[#]', 'the run was interrupted (the proxy stopped)') WHERE finished_at IS NULL`).run(at);
	}

	candidates(): CandidateView[] {
		return this.#db
			.statement<{ candidate: string }>('SELECT candidate FROM discovery_candidates ORDER BY id')
			.all()
			.flatMap((r) => {
				const parsed = CandidateView.safeParse(JSON.parse(r.candidate));
				return parsed.success ? [parsed.data] : [];
			});
	}

	candidate(id: string): CandidateView | undefined {
		const row = this.#db.statement<{ candidate: string }>('SELECT candidate FROM discovery_candidates WHERE id = ?').get(id);
		if (!row) return undefined;
		const parsed = CandidateView.safeParse(JSON.parse(row.candidate));
		return parsed.success ? parsed.data : undefined;
	}

	byUrl(url: string): CandidateView | undefined {
		const row = this.#db.statement<{ id: string }>('SELECT id FROM discovery_candidates WHERE url = ?').get(url);
		return row ? this.candidate(row.id) : undefined;
	}

	put(candidate: CandidateView, at: number): void {
		this.#db
			.statement('INSERT INTO discovery_candidates (id, url, candidate, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET url = excluded.url, candidate = excluded.candidate, updated_at = excluded.updated_at')
			.run(candidate.id, candidate.url, JSON.stringify(CandidateView.parse(candidate)), at);
	}
}
