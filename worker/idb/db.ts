import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { DataAnswer } from '../../shared/api/monitor';
import type { PoolConfig } from '../../shared/engine/pool';
import type { StatsSnapshot } from '../../shared/engine/stats';
import type { IncidentRecord } from '../../shared/api/incidents';

/**
 * The worker's one IndexedDB database: its schema (the latest version's) and every upgrade step
 * since the first release. Each step takes the database from version N-1 to N; opening runs the
 * steps from the stored version up to the requested one, inside the single versionchange
 * transaction, so an upgrade interrupted half-way leaves the old version intact.
 *
 * History:
 * - v1: `settings` (the Settings object under key `app`) and `answers` (`{ key, answer }`, the last
 *   known answer per request key).
 * - v2: `kv` (the engine's Store port: quotas, breaker state, learned symbols), `keys` (direct-mode
 *   API keys by env name) and `logs` (auto-increment id; indexes at, level, kind, provider).
 * - v3: `pools` (user pools and edits of seed pools; `config: null` marks a deleted seed pool),
 *   `userProviders`, `stats` (stats and uptime snapshots per provider and capability), `backups`,
 *   `rotations`; and `answers` reshaped: each record gains its `capability` and `ts` at the top
 *   level, indexed, so retention can drop the oldest without reading every answer.
 * - v4: `incidents` (breaker incidents, shared/api/incidents.ts; indexes provider, startedAt).
 */

export const DB_NAME = 'crypto-monitor';

export interface AnswerRecord {
	key: string;
	capability: string;
	/** When the source answered (the answer's own ts), epoch ms. */
	ts: number;
	answer: DataAnswer<unknown>;
}

export interface KeyRecord {
	/** Env-style name, e.g. `ETHERSCAN_KEY` or `ETHERSCAN_KEY_2`. */
	name: string;
	value: string;
	updatedAt: number;
}

export interface LogRow {
	id?: number;
	at: number;
	level: 'debug' | 'info' | 'warn' | 'error';
	kind: string;
	provider: string | null;
	message: string;
	data: unknown;
}

export interface PoolRecord {
	id: string;
	/** null: a seed pool the user deleted (so it does not come back on the next start). */
	config: PoolConfig | null;
	updatedAt: number;
}

export interface UserProviderRecord {
	id: string;
	name: string;
	category: string;
	baseUrl: string;
	docs: string;
	capabilities: string[];
	createdAt: number;
}

export interface StatsRecord {
	provider: string;
	capability: string;
	snapshot: StatsSnapshot;
	updatedAt: number;
}

export interface BackupRecord {
	name: string;
	createdAt: number;
	bytes: number;
	json: string;
}

export interface RotationRow {
	id?: number;
	pool: string;
	capability: string;
	from: string;
	to: string;
	reason: string;
	at: number;
}

export interface MonitorSchema extends DBSchema {
	settings: { key: string; value: unknown };
	answers: { key: string; value: AnswerRecord; indexes: { ts: number; capability: string } };
	kv: { key: string; value: unknown };
	keys: { key: string; value: KeyRecord };
	logs: { key: number; value: LogRow; indexes: { at: number; level: string; kind: string; provider: string } };
	pools: { key: string; value: PoolRecord };
	userProviders: { key: string; value: UserProviderRecord };
	stats: { key: [string, string]; value: StatsRecord; indexes: { provider: string } };
	backups: { key: string; value: BackupRecord; indexes: { createdAt: number } };
	rotations: { key: number; value: RotationRow; indexes: { at: number } };
	incidents: { key: string; value: IncidentRecord; indexes: { provider: string; startedAt: number } };
}

export type MonitorDb = IDBPDatabase<MonitorSchema>;
type UpgradeTx = IDBPTransaction<MonitorSchema, StoreNames<MonitorSchema>[], 'versionchange'>;
type Step = (db: MonitorDb, tx: UpgradeTx) => void | Promise<void>;

/** Upgrade steps; `STEPS[n - 1]` takes the database to version n. Never edit a released step: add one. */
const STEPS: readonly Step[] = [
	// v1: settings and last known answers.
	(db) => {
		db.createObjectStore('settings');
		db.createObjectStore('answers', { keyPath: 'key' });
	},
	// v2: the engine's store, direct-mode keys, logs.
	(db) => {
		db.createObjectStore('kv');
		db.createObjectStore('keys', { keyPath: 'name' });
		const logs = db.createObjectStore('logs', { keyPath: 'id', autoIncrement: true });
		logs.createIndex('at', 'at');
		logs.createIndex('level', 'level');
		logs.createIndex('kind', 'kind');
		logs.createIndex('provider', 'provider');
	},
	// v3: pools, user providers, stats, backups, rotations; answers get capability and ts, indexed.
	async (db, tx) => {
		db.createObjectStore('pools', { keyPath: 'id' });
		db.createObjectStore('userProviders', { keyPath: 'id' });
		db.createObjectStore('stats', { keyPath: ['provider', 'capability'] }).createIndex('provider', 'provider');
		db.createObjectStore('backups', { keyPath: 'name' }).createIndex('createdAt', 'createdAt');
		db.createObjectStore('rotations', { keyPath: 'id', autoIncrement: true }).createIndex('at', 'at');
		const answers = tx.objectStore('answers');
		answers.createIndex('ts', 'ts');
		answers.createIndex('capability', 'capability');
		for (let cursor = await answers.openCursor(); cursor; cursor = await cursor.continue()) {
			const reshaped = reshapeV1Answer(cursor.value as unknown);
			if (reshaped) await cursor.update(reshaped);
			else await cursor.delete();
		}
	},
	// v4: breaker incidents for the status pages.
	(db) => {
		const incidents = db.createObjectStore('incidents', { keyPath: 'id' });
		incidents.createIndex('provider', 'provider');
		incidents.createIndex('startedAt', 'startedAt');
	},
];

/** The current schema version. */
export const DB_VERSION = STEPS.length;

/** A v1/v2 answer record `{ key, answer }` as v3 keeps it; undefined when it was never a valid record. */
export function reshapeV1Answer(value: unknown): AnswerRecord | undefined {
	if (value === null || typeof value !== 'object') return undefined;
	const { key, answer } = value as { key?: unknown; answer?: unknown };
	if (typeof key !== 'string' || answer === null || typeof answer !== 'object') return undefined;
	const ts = (answer as { ts?: unknown }).ts;
	return { key, capability: key.split(':')[0] ?? '', ts: typeof ts === 'number' && Number.isFinite(ts) ? ts : 0, answer: answer as DataAnswer<unknown> };
}

export interface OpenOptions {
	name?: string;
	/** Open at this version (tests open older ones); default the latest. */
	version?: number;
	/** Another connection (a newer tab) needs this one closed to upgrade. Default: close. */
	onBlocking?: (db: MonitorDb) => void;
}

/** Opens (creating or upgrading) the database. Rejects when an upgrade step fails; nothing is changed then. */
export async function openMonitorDb({ name = DB_NAME, version = DB_VERSION, onBlocking }: OpenOptions = {}): Promise<MonitorDb> {
	if (!Number.isInteger(version) || version < 1 || version > DB_VERSION) throw new Error(`schema version ${version} is not between 1 and ${DB_VERSION}`);
	const db = await openDB<MonitorSchema>(name, version, {
		upgrade(database, oldVersion, newVersion, tx) {
			const target = newVersion ?? version;
			const run = async () => {
				for (let v = oldVersion + 1; v <= target; v++) await (STEPS[v - 1] as Step)(database, tx);
			};
			run().catch(() => tx.abort());
		},
		blocking() {
			if (onBlocking) onBlocking(db);
			else db.close();
		},
	});
	return db;
}
