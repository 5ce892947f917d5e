import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../../../model';
import { interpret } from '../../../engine/pipeline';
import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { opensea } from './index';

conformance(opensea, fixtures);

describe('opensea', () => {
  const ctx = { now: Date.parse('2026-01-01T00:00:00Z'), symbolId: () => undefined };
  const params = CAPABILITIES['nft-collection'].params.parse({ slug: 'no-such-thing' });
  const run = (status: number, body: string) => {
    const adapter = opensea.capabilities['nft-collection'];
    return adapter ? interpret(opensea, adapter, { status, headers: {}, body }, params, ctx) : undefined;
  };

  it('reads an unknown slug as unsupported, other errors as upstream errors', () => {
    expect(run(400, '{"errors": ["collection with slug `no-such-thing` not found"]}')).toMatchObject({ ok: false, kind: 'unsupported' });
    expect(run(500, 'oops')).toMatchObject({ ok: false, kind: 'http_5xx' });
    expect(run(400, '{"errors": ["bad request"]}')).toMatchObject({ ok: false, kind: 'upstream_error' });
  });
});
