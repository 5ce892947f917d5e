import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../../../model';
import { interpret } from '../../../engine/pipeline';
import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { reddit } from './index';

conformance(reddit, fixtures);

describe('reddit', () => {
  const adapter = reddit.capabilities.social;
  const params = CAPABILITIES.social.params.parse({});
  const ctx = { now: Date.parse('2026-01-01T00:00:00Z'), symbolId: () => undefined };
  const run = (body: string, status = 200) => (adapter ? interpret(reddit, adapter, { status, headers: {}, body }, params, ctx) : undefined);

  it('asks for the community hot listing', () => {
    expect(adapter?.request(params, ctx)).toMatchObject({ path: '/r/CryptoCurrency/hot.json', query: { limit: 25, raw_json: 1 } });
  });

  it('classifies throttling and private communities', () => {
    expect(run('{"message":"Too Many Requests","error":429}')).toMatchObject({ ok: false, kind: 'rate_limited' });
    expect(run('{"reason":"private","message":"Forbidden","error":403}', 403)).toMatchObject({ ok: false, kind: 'unsupported' });
  });

  it('reads an empty listing as no posts', () => {
    expect(run('{"kind":"Listing","data":{"after":null,"children":[]}}')).toEqual({ ok: true, value: [] });
  });
});
