import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { CellResult } from './runner';

export const RELIABILITY_MD = new URL('../../docs/RELIABILITY.md', import.meta.url);

const pct = (n: number, d: number) => (d === 0 ? '–' : `${Math.round((100 * n) / d)} %`);
const ms = (x: number) => (x < 10 ? x.toFixed(1) : String(Math.round(x)));

/** The chaos table as markdown, one row per cell. */
export function chaosTable(results: readonly CellResult[]): string {
  const rows = [
    '| capability | fault | faulted | cache | answered | stale | errors | invalid | from faulted | p50 ms | p99 ms | upstream calls / answer |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const perAnswer = r.answered === 0 ? `– (${r.upstreamCalls} calls)` : (r.upstreamCalls / r.answered).toFixed(2);
    const faulted = `${Math.round(r.fraction * 100)} % (${r.faulted}/${r.providers})`;
    rows.push(
      `| ${r.capability} | ${r.kind} | ${faulted} | ${r.warm ? (r.warmFailed ? 'warm (failed)' : 'warm') : 'cold'} | ${pct(r.answered, r.requests)} | ${pct(r.stale, r.requests)} | ${r.errors} | ${r.invalid} | ${r.fromFaulted} | ${ms(r.p50Ms)} | ${ms(r.p99Ms)} | ${perAnswer} |`,
    );
  }
  return rows.join('\n');
}

/** Totals a reader checks first. */
export function chaosSummary(results: readonly CellResult[]): { cells: number; requests: number; answered: number; invalid: number; fromFaulted: number } {
  return {
    cells: results.length,
    requests: results.reduce((s, r) => s + r.requests, 0),
    answered: results.reduce((s, r) => s + r.answered, 0),
    invalid: results.reduce((s, r) => s + r.invalid, 0),
    fromFaulted: results.reduce((s, r) => s + r.fromFaulted, 0),
  };
}

/**
 * Replaces one section of docs/RELIABILITY.md (between `<!-- name:start -->` and `<!-- name:end -->`),
 * appending it when absent, so `npm run chaos` and `npm run soak` each own their part of the file.
 */
export function writeSection(name: string, body: string, file: URL = RELIABILITY_MD): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${body.trim()}\n${end}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Reliability\n\nWhat the chaos suite, the fuzzers and the soak run measured, and how to run them again.\n';
  const a = current.indexOf(start);
  const b = current.indexOf(end);
  const next = a >= 0 && b > a ? `${current.slice(0, a)}${block}${current.slice(b + end.length)}` : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}
