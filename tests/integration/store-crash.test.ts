import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../proxy/store';

/**
 * kill -9 in the middle of writes and of a big import: after reopening, SQLite's integrity check
 * passes, every write the child acknowledged is there, and the import left all of its rows or none.
 */

const CHILD = join(import.meta.dirname, 'fixtures', 'store-crash-child.ts');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'cm-crash-'));
  dirs.push(d);
  return d;
}

/**
 * Runs the child until `killWhen` says so on one of its lines, then SIGKILLs it (after `delayMs`,
 * while the child keeps working); returns every line it printed.
 */
function runAndKill(args: string[], killWhen: (line: string) => boolean, delayMs = 0, timeoutMs = 30_000): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let partial = '';
    let stderr = '';
    let killed = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the child never reached the kill point; stderr: ${stderr}`));
    }, timeoutMs);
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.stdout.on('data', (b: Buffer) => {
      partial += b.toString();
      const parts = partial.split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (!killed && killWhen(line)) {
          killed = true;
          const kill = () => process.kill(child.pid!, 'SIGKILL');
          if (delayMs > 0) setTimeout(kill, delayMs);
          else kill();
        }
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      // Whatever reached the pipe before the kill was acknowledged too.
      if (partial) lines.push(partial);
      if (signal === 'SIGKILL' && killed) resolve(lines);
      else reject(new Error(`the child exited by itself (code ${code}, signal ${signal}); stderr: ${stderr}`));
    });
  });
}

function reopen(dataDir: string) {
  const db = openDatabase({ dataDir });
  expect(db.connection.pragma('integrity_check', { simple: true })).toBe('ok');
  return db;
}

// Each case starts node + tsx (one to three seconds on a busy 2-core machine).
describe('store crash safety', { timeout: 60_000 }, () => {
  it('keeps every acknowledged kv, log and stats write through kill -9', async () => {
    const dataDir = tempDir();
    // Kill after a good number of acknowledged writes, at whatever point the child is at then.
    const lines = await runAndKill(['writes', dataDir], (line) => line === 'ack 400');
    const acked = lines.filter((l) => l.startsWith('ack ')).map((l) => Number(l.slice(4)));
    expect(acked.length).toBeGreaterThanOrEqual(401);

    const db = reopen(dataDir);
    try {
      const c = db.connection;
      const keys = new Set(c.prepare(`SELECT key FROM kv WHERE key >= 'ack:' AND key < 'ack;'`).pluck().all() as string[]);
      const logs = new Set(c.prepare(`SELECT message FROM logs WHERE kind = 'request' AND level = 'info'`).pluck().all() as string[]);
      const missing = acked.filter((i) => !keys.has(`ack:${i}`) || !logs.has(`ack ${i}`));
      expect(missing).toEqual([]);
      // Every batch of two log rows is whole: a half-written batch would leave an odd count.
      expect((c.prepare('SELECT COUNT(*) FROM logs').pluck().get() as number) % 2).toBe(0);
      const last = Math.max(...acked);
      const stats = new Map((c.prepare('SELECT provider, snapshot FROM stats_snapshots').all() as Array<{ provider: string; snapshot: string }>).map((r) => [r.provider, (JSON.parse(r.snapshot) as { requests: number }).requests]));
      for (let p = 0; p < 5; p++) {
        const lastForP = acked.filter((i) => i % 5 === p).at(-1)!;
        expect(stats.get(`p${p}`)).toBeGreaterThanOrEqual(lastForP);
      }
      expect(last).toBeGreaterThanOrEqual(400);
    } finally {
      db.close();
    }
  });

  it('leaves all or none of an import killed inside its transaction', async () => {
    const dataDir = tempDir();
    const rows = 5000;
    const lines = await runAndKill(['import', dataDir, String(rows), 'stall'], (line) => line === 'mid 2');
    expect(lines).toContain('imported 1');

    const db = reopen(dataDir);
    try {
      const names = db.connection.prepare(`SELECT json_extract(spec, '$.name') AS name, COUNT(*) AS n FROM user_providers GROUP BY name`).all();
      // Generation 2 was halfway written when killed: none of it may show, all of generation 1 must.
      expect(names).toEqual([{ name: 'gen 1', n: rows }]);
    } finally {
      db.close();
    }
  });

  it('leaves one whole generation when killed at an arbitrary moment of repeated imports', async () => {
    for (const delayMs of [0, 37, 113]) {
      const dataDir = tempDir();
      const rows = 3000;
      let seen = -1;
      // The kill lands a little after the first commit: before, during or after the next import.
      const lines = await runAndKill(['import', dataDir, String(rows)], (line) => line === 'imported 1', delayMs);
      for (const l of lines) if (l.startsWith('imported ')) seen = Math.max(seen, Number(l.slice(9)));

      const db = reopen(dataDir);
      try {
        const names = db.connection.prepare(`SELECT json_extract(spec, '$.name') AS name, COUNT(*) AS n FROM user_providers GROUP BY name`).all() as Array<{ name: string; n: number }>;
        expect(names).toHaveLength(1);
        expect(names[0]!.n).toBe(rows);
        expect(Number(names[0]!.name.slice(4))).toBeGreaterThanOrEqual(seen);
      } finally {
        db.close();
      }
    }
  });
});
