import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { Logs } from './logs';
import { useTempData } from './testing';

const temp = useTempData();
const DAY = 86_400_000;

function logs(now = 100 * DAY, options: { maxAgeDays?: number; maxRows?: number } = {}) {
	return new Logs(temp.open(), { now: () => now, ...options });
}

describe('Logs', () => {
	it('appends one or many entries and returns their ids', () => {
		const l = logs();
		const [one] = l.append({ level: 'info', kind: 'request', message: 'ok', provider: 'kraken', data: { ms: 12 } });
		const many = l.append(Array.from({ length: 500 }, (_, i) => ({ level: 'debug' as const, kind: 'request', message: `m${i}` })));
		expect(one).toBe(1);
		expect(many).toHaveLength(500);
		expect(many[499]).toBe(501);
		expect(l.query({ limit: 1, provider: 'kraken' })).toEqual([{ id: 1, at: 100 * DAY, level: 'info', kind: 'request', provider: 'kraken', message: 'ok', data: { ms: 12 } }]);
	});

	it('filters by level, kind, provider and since, newest first, with a limit', () => {
		const l = logs();
		l.append([
			{ at: 1, level: 'info', kind: 'request', message: 'a', provider: 'kraken' },
			{ at: 2, level: 'error', kind: 'request', message: 'b', provider: 'kraken' },
			{ at: 3, level: 'error', kind: 'breaker', message: 'c', provider: 'binance' },
			{ at: 4, level: 'warn', kind: 'rate-limit', message: 'd' },
		]);
		const msgs = (q: Parameters<Logs['query']>[0]) => l.query(q).map((r) => r.message);
		expect(msgs({})).toEqual(['d', 'c', 'b', 'a']);
		expect(msgs({ level: 'error' })).toEqual(['c', 'b']);
		expect(msgs({ level: ['warn', 'error'] })).toEqual(['d', 'c', 'b']);
		expect(msgs({ level: [] })).toEqual([]);
		expect(msgs({ kind: 'request', provider: 'kraken' })).toEqual(['b', 'a']);
		expect(msgs({ since: 3 })).toEqual(['d', 'c']);
		expect(msgs({ limit: 2 })).toEqual(['d', 'c']);
		expect(msgs({ provider: "x' OR 1=1 --" })).toEqual([]);
	});

	it('counts by level and kind', () => {
		const l = logs();
		l.append([
			{ at: 5, level: 'info', kind: 'request', message: 'a' },
			{ at: 9, level: 'error', kind: 'request', message: 'b' },
			{ at: 7, level: 'error', kind: 'breaker', message: 'c' },
		]);
		expect(l.stats()).toEqual({ total: 3, byLevel: { debug: 0, info: 1, warn: 0, error: 2 }, byKind: { breaker: 1, request: 2 }, oldest: 5, newest: 9 });
	});

	it('clears', () => {
		const l = logs();
		l.append([
			{ level: 'info', kind: 'k', message: 'a' },
			{ level: 'info', kind: 'k', message: 'b' },
		]);
		expect(l.clear()).toBe(2);
		expect(l.stats().total).toBe(0);
	});

	it('retains 7 days and 100,000 rows by default', () => {
		const l = logs();
		expect(l.maxAgeDays).toBe(7);
		expect(l.maxRows).toBe(100_000);
		l.append([
			{ at: 100 * DAY - 8 * DAY, level: 'info', kind: 'k', message: 'old' },
			{ at: 100 * DAY - 6 * DAY, level: 'info', kind: 'k', message: 'recent' },
		]);
		expect(l.retain()).toBe(1);
		expect(l.query().map((r) => r.message)).toEqual(['recent']);
	});

	it('keeps only the newest rows beyond the row cap', () => {
		const l = logs(100 * DAY, { maxRows: 3 });
		l.append(Array.from({ length: 10 }, (_, i) => ({ level: 'info' as const, kind: 'k', message: `m${i}` })));
		expect(l.retain()).toBe(7);
		expect(l.query().map((r) => r.message)).toEqual(['m9', 'm8', 'm7']);
	});

	it('exports JSON and spreadsheet-safe CSV', () => {
		const l = logs();
		l.append({ at: 0, level: 'warn', kind: 'alert', provider: 'kraken', message: '=cmd|"/c calc"!A1, then\nmore', data: { a: 'b,c' } });
		expect(JSON.parse(l.exportJson())).toMatchObject([{ message: '=cmd|"/c calc"!A1, then\nmore', data: { a: 'b,c' } }]);
		const csv = l.exportCsv();
		expect(csv).toContain(`"'=cmd|""/c calc""!A1, then\nmore"`);
		const parsed = parseCsv(csv);
		expect(parsed.ok && parsed.records[1]?.cells).toEqual(['1', '1970-01-01T00:00:00.000Z', 'warn', 'alert', 'kraken', `'=cmd|"/c calc"!A1, then\nmore`, '{"a":"b,c"}']);
	});
});
