/**
 * `npm start`: builds the app when build/ is missing or older than its sources, then starts the
 * proxy, which serves it. A cheap mtime walk, so a second start is instant.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const builtIndex = join(root, 'build', 'index.html');

/** What ends up in the bundle: the UI, the worker and the shared engine, plus the build config. */
const sourceDirs = ['app', 'worker', 'shared', 'static'];
const sourceFiles = ['svelte.config.js', 'vite.config.ts', 'package.json'];
const skippedDirs = new Set(['node_modules', '.svelte-kit', 'build']);
const isTestFile = (name: string): boolean => /\.(test|spec)\.[cm]?[jt]s$/.test(name);

function newestMtime(path: string): number {
	let stats: Stats;
	try {
		stats = statSync(path);
	} catch {
		return 0;
	}
	if (!stats.isDirectory()) return stats.mtimeMs;
	let newest = stats.mtimeMs; // a deleted file changes its folder's mtime
	for (const entry of readdirSync(path, { withFileTypes: true })) {
		if (entry.isDirectory() ? skippedDirs.has(entry.name) : isTestFile(entry.name)) continue;
		newest = Math.max(newest, newestMtime(join(path, entry.name)));
	}
	return newest;
}

function buildIsStale(): boolean {
	if (!existsSync(builtIndex)) return true;
	const builtAt = statSync(builtIndex).mtimeMs;
	const sourcesAt = Math.max(...[...sourceDirs, ...sourceFiles].map((p) => newestMtime(join(root, p))));
	return sourcesAt > builtAt;
}

function build(): void {
	// Vite's own bin through this node: no shell and no npx lookup.
	const require = createRequire(import.meta.url);
	const viteBin = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
	const result = spawnSync(process.execPath, [viteBin, 'build'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) {
		console.error(`vite build failed (${result.error?.message ?? `exit code ${result.status ?? result.signal}`})`);
		process.exit(1);
	}
}

if (buildIsStale()) {
	console.log('The app build is missing or older than its sources: running vite build…');
	build();
}

const { main } = await import('./server');
await main();
