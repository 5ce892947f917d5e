import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../../../model';
import { interpret } from '../../../engine/pipeline';
import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { cryptocompareNews } from './index';

conformance(cryptocompareNews, fixtures);

describe('cryptocompare-news', () => {
  const adapter = cryptocompareNews.capabilities.news;
  const ctx = { now: Date.parse('2026-01-01T00:00:00Z'), symbolId: () => undefined };
  const run = (body: string) => (adapter ? interpret(cryptocompareNews, adapter, { status: 200, headers: {}, body }, CAPABILITIES.news.params.parse({}), ctx) : undefined);

  it('reads coin tickers from categories, not topics, and decodes entities in the body', () => {
    const body = JSON.stringify({ Type: 100, Data: [{ id: 1, published_on: 1700000000, title: 'T', url: 'https://x.example/a', source: 'x', body: 'a &#8217; b', categories: 'BTC|ETH|ICO|Trading|Market' }] });
    expect(run(body)).toMatchObject({ ok: true, value: [{ symbols: ['BTC', 'ETH'], summary: 'a ’ b' }] });
  });

  it('classifies a rate-limit answer at HTTP 200', () => {
    expect(run('{"Response":"Error","Message":"You are over your rate limit please upgrade your account!","Type":99}')).toMatchObject({ ok: false, kind: 'rate_limited' });
  });
});
