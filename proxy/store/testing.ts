import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openDatabase, type OpenDatabaseOptions, type StoreDb } from './db';

/**
 * For tests: a fresh temporary data folder per test (never ./data), and databases opened in it,
 * all closed and removed after the test.
 */
export function useTempData(): { dir(): string; open(options?: Omit<OpenDatabaseOptions, 'dataDir'>): StoreDb } {
	let current: string | undefined;
	const opened: StoreDb[] = [];
	afterEach(() => {
		for (const db of opened.splice(0)) db.close();
		if (current) rmSync(current, { recursive: true, force: true });
		current = undefined;
	});
	const dir = () => (current ??= mkdtempSync(join(tmpdir(), 'cm-store-')));
	return {
		dir,
		open(options = {}) {
			const db = openDatabase({ ...options, dataDir: dir() });
			opened.push(db);
			return db;
		},
	};
}
