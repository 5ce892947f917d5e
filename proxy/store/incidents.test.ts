import { describe, expect, it } from 'vitest';
import { SqliteIncidents } from './incidents';
import { useTempData } from './testing';

const temp = useTempData();
const NOW = Date.UTC(2026, 5, 1);
const DAY = 86_400_000;
const row = (id: string, provider: string, startedAt: number, endedAt: number | null) => ({ id, provider, capability: null, startedAt, endedAt, cause: 'timeout', reason: 'r', reopened: 0 });

describe('SqliteIncidents', () => {
	it('updates an incident in place as it ends, lists newest first and by provider, and keeps the open ones', () => {
		const s = new SqliteIncidents(temp.open(), () => NOW);
		s.upsert(row('a1', 'a', NOW - 3 * DAY, null));
		s.upsert(row('b1', 'b', NOW - 2 * DAY, NOW - DAY));
		expect(s.ongoing().map((r) => r.id)).toEqual(['a1']);
		s.upsert({ ...row('a1', 'a', NOW - 3 * DAY, NOW - 2 * DAY), reopened: 2 });
		expect(s.ongoing()).toEqual([]);
		expect(s.list().map((r) => r.id)).toEqual(['b1', 'a1']);
		expect(s.list({ provider: 'a' })).toEqual([{ ...row('a1', 'a', NOW - 3 * DAY, NOW - 2 * DAY), reopened: 2 }]);
		expect(s.list({ since: NOW - 1.5 * DAY }).map((r) => r.id)).toEqual(['b1']);
	});

	it('drops what ended over a year ago and what is past the row cap, never an open one', () => {
		const s = new SqliteIncidents(temp.open(), () => NOW, 2);
		s.upsert(row('old', 'a', NOW - 400 * DAY, NOW - 399 * DAY));
		s.upsert(row('x1', 'a', NOW - 5 * DAY, NOW - 4 * DAY));
		s.upsert(row('x2', 'a', NOW - 3 * DAY, NOW - 2 * DAY));
		s.upsert(row('open', 'a', NOW - DAY, null));
		expect(s.prune()).toBe(2);
		expect(s.list().map((r) => r.id)).toEqual(['open', 'x2']);
	});
});
