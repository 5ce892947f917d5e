import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../../../model';
import { interpret } from '../../../engine/pipeline';
import { buildHttpRequest } from '../../../engine/request';
import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { magicEden } from './index';

conformance(magicEden, fixtures);

describe('magic-eden', () => {
  const ctx = { now: Date.parse('2026-01-01T00:00:00Z'), symbolId: () => undefined };
  const params = CAPABILITIES['nft-collection'].params.parse({ slug: 'okay-bears' });
  const adapter = magicEden.capabilities['nft-collection'];

  it('asks for the underscore symbol of a hyphenated slug', () => {
    const spec = adapter?.request(params, ctx);
    if (spec === undefined || typeof spec === 'string') throw new Error('no request');
    expect(buildHttpRequest(magicEden, spec, undefined).url).toBe('https://api-mainnet.magiceden.dev/v2/collections/okay_bears/stats');
  });

  // Shape as documented; values illustrative, not a recording.
  it('converts lamports to SOL exactly and refuses a collection without a floor', () => {
    const run = (body: string) => (adapter ? interpret(magicEden, adapter, { status: 200, headers: {}, body }, params, ctx) : undefined);
    expect(run('{"symbol":"okay_bears","floorPrice":4200000000,"listedCount":187,"avgPrice24hr":4500000000,"volumeAll":540000000000}')).toMatchObject({
      ok: true,
      value: { slug: 'okay-bears', floorPrice: 4.2, currency: 'SOL' },
    });
    expect(run('{"symbol":"okay_bears"}')).toMatchObject({ ok: false, kind: 'unsupported' });
  });
});
