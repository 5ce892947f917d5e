import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../../../model';
import { interpret } from '../../../engine/pipeline';
import { conformance, readFixture } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { cryptopanic } from './index';

conformance(cryptopanic, fixtures);

describe('cryptopanic', () => {
  const adapter = cryptopanic.capabilities.news;
  const ctx = { now: Date.parse('2026-01-01T00:00:00Z'), symbolId: () => undefined };
  const run = (body: string, status = 200) =>
    adapter ? interpret(cryptopanic, adapter, { status, headers: {}, body }, CAPABILITIES.news.params.parse({}), ctx) : undefined;

  it('keeps every coin tag as a canonical symbol', () => {
    const r = run(readFixture('cryptopanic/api-v1-posts-btc-news.json'));
    expect(r?.ok && r.value.find((n) => n.id === '15024531')?.symbols).toEqual(['BTC', 'ETH', 'LUNA', 'ALGO', 'FLOW']);
  });

  it('classifies an error body', () => {
    expect(run('{"status":"Incomplete","info":"Token not found"}', 401)).toMatchObject({ ok: false, kind: 'auth' });
    expect(run('{"detail":"Request was throttled."}', 403)).toMatchObject({ ok: false, kind: 'rate_limited' });
  });
});
