import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../../../model';
import { interpret } from '../../../engine/pipeline';
import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { newsapi } from './index';

conformance(newsapi, fixtures);

describe('newsapi', () => {
  const adapter = newsapi.capabilities.news;
  const params = CAPABILITIES.news.params.parse({ symbols: ['BTC', 'ETH'] });
  const ctx = { now: Date.parse('2026-01-01T00:00:00Z'), symbolId: () => undefined };
  const run = (body: string, status = 200) => (adapter ? interpret(newsapi, adapter, { status, headers: {}, body }, params, ctx) : undefined);

  it('searches the coins by name', () => {
    expect(adapter?.request(params, ctx)).toMatchObject({ path: '/everything', query: { q: 'bitcoin OR ethereum' } });
  });

  it('skips removed articles', () => {
    const body = JSON.stringify({ status: 'ok', totalResults: 1, articles: [{ source: { id: null, name: '[Removed]' }, title: '[Removed]', description: '[Removed]', url: 'https://removed.com', publishedAt: '2024-01-01T00:00:00Z' }] });
    expect(run(body)).toEqual({ ok: true, value: [] });
  });

  it('classifies error bodies', () => {
    expect(run('{"status":"error","code":"rateLimited","message":"You have made too many requests recently."}', 429)).toMatchObject({ ok: false, kind: 'rate_limited' });
    expect(run('{"status":"error","code":"apiKeyInvalid","message":"Your API key is invalid or incorrect."}', 401)).toMatchObject({ ok: false, kind: 'auth' });
  });
});
