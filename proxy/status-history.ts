import type { HistorySource } from '../shared/api/status-view';
import { StatusRecorder } from '../shared/api/status-recorder';
import type { Engine, Store } from '../shared/engine';
import { Stats } from '../shared/engine/stats';
import type { Capability } from '../shared/model';
import { SqliteIncidents } from './store/incidents';
import { StatsSnapshots } from './store/stats-snapshots';
import type { StoreDb } from './store';

export interface ProxyStatusHistoryOptions {
	engine: Engine;
	db: StoreDb;
	/** The engine's Store (the kv table), where hourly latency is kept. */
	store: Store;
	now?: () => number;
	/** How often uptime stats and latency are saved and old incidents pruned, ms. Default 60,000. */
	saveMs?: number;
}

export interface ProxyStatusHistory {
	recorder: StatusRecorder;
	source: HistorySource;
	/** Saves stats and latency now. */
	save(): Promise<void>;
	close(): Promise<void>;
}

const recorders = new WeakMap<Engine, StatusRecorder>();

/**
 * The status recorder of an engine: the persisted one `startStatusHistory` registered, else one
 * in memory made on first use (an app built without a database still answers, from this run).
 */
export function recorderOf(engine: Engine, now: () => number): StatusRecorder {
	let r = recorders.get(engine);
	if (!r) recorders.set(engine, (r = StatusRecorder.memory(engine, now)));
	return r;
}

/** What the routes read: incidents of some providers from the recorder's store. */
export function historySource(recorder: StatusRecorder): HistorySource {
	return {
		get latency() {
			return recorder.latency;
		},
		async incidents(providers, since) {
			await recorder.flush();
			const lists = await Promise.all(providers.map((provider) => recorder.incidents.list({ provider, since, limit: 1_000 })));
			return lists.flat();
		}
	};
}

/**
 * The proxy's status history: incidents in SQLite (`incidents`), and the engine's per-endpoint
 * stats (uptime rings) in `stats_snapshots`, restored at start so uptime survives a restart, as
 * the worker does in IndexedDB. Saved every `saveMs` and on close.
 */
export async function startStatusHistory({ engine, db, store, now = Date.now, saveMs = 60_000 }: ProxyStatusHistoryOptions): Promise<ProxyStatusHistory> {
	const snapshots = new StatsSnapshots(db, now);
	for (const e of snapshots.load()) {
		const rt = engine.runtime(e.provider);
		const cap = e.capability as Capability;
		if (!rt?.stats.has(cap) || (rt.stats.get(cap)?.requests ?? 0) > 0) continue;
		try {
			rt.stats.set(cap, Stats.restore(e.snapshot));
		} catch {
			// A snapshot this version cannot read: that endpoint starts afresh.
		}
	}
	const incidents = new SqliteIncidents(db, now);
	const recorder = await StatusRecorder.start(engine, { incidents, store, now });
	recorders.get(engine)?.detach();
	recorders.set(engine, recorder);
	const save = async () => {
		snapshots.save(engine.runtimes().flatMap((rt) => [...rt.stats].filter(([, s]) => s.requests > 0).map(([capability, s]) => ({ provider: rt.spec.id, capability, snapshot: s.snapshot() }))));
		await recorder.save();
	};
	const timer = setInterval(() => void save().catch(() => undefined), saveMs);
	timer.unref();
	return {
		recorder,
		source: historySource(recorder),
		save,
		async close() {
			clearInterval(timer);
			await recorder.close();
			await save().catch(() => undefined);
		}
	};
}
