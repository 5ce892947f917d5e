/** The proxy's SQLite persistence: one database under `CM_DATA_DIR` (default `./data`). */
export { openDatabase, StoreDb, DATABASE_FILE, type OpenDatabaseOptions } from './db';
export { MIGRATIONS, DatabaseTooNewError, migrate, schemaVersion, type Migration } from './migrations';
export { SqliteStore } from './sqlite-store';
export { Logs, LOG_LEVELS, DEFAULT_LOG_MAX_AGE_DAYS, DEFAULT_LOG_MAX_ROWS, type LogEntry, type LogLevel, type LogQuery, type LogRecord, type LogStats, type LogsOptions } from './logs';
export { Resources } from './resources';
export { UserProviderSpec } from './user-provider';
export {
	Transfer,
	TRANSFER_FORMAT,
	CSV_COLUMNS,
	DEFAULT_MAX_IMPORT_BYTES,
	DEFAULT_MAX_IMPORT_ROWS,
	type ImportIssue,
	type ImportMode,
	type ImportOptions,
	type ImportResult,
	type TransferDocument,
	type TransferOptions,
} from './transfer';
export { Backups, DEFAULT_BACKUPS_KEPT, type BackupInfo, type BackupsOptions, type RestoreResult } from './backup';
export { RotationHistory, DEFAULT_ROTATIONS_KEPT } from './history';
export { StatsSnapshots, type StatsEntry } from './stats-snapshots';
export { csvCell, toCsv, parseCsv } from './csv';
