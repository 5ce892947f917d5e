import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../../../model';
import { interpret } from '../../../engine/pipeline';
import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { coingeckoNft } from './index';

conformance(coingeckoNft, fixtures);

describe('coingecko-nft', () => {
  const ctx = { now: Date.parse('2026-01-01T00:00:00Z'), symbolId: () => undefined };
  const params = CAPABILITIES['nft-collection'].params.parse({ slug: 'ethlings' });
  const run = (status: number, body: string) => {
    const adapter = coingeckoNft.capabilities['nft-collection'];
    return adapter ? interpret(coingeckoNft, adapter, { status, headers: {}, body }, params, ctx) : undefined;
  };

  // Shape as documented; values illustrative, not a recording.
  it('reads the floor in the native coin, owners and supply', () => {
    const body = JSON.stringify({
      id: 'ethlings',
      native_currency: 'ethereum',
      native_currency_symbol: 'eth',
      floor_price: { native_currency: 0.01, usd: 12.21 },
      volume_24h: { native_currency: 0.002, usd: 2.44 },
      number_of_unique_addresses: 1094,
      total_supply: 7897,
    });
    expect(run(200, body)).toMatchObject({ ok: true, value: { slug: 'ethlings', floorPrice: 0.01, currency: 'ETH', volume24h: 0.002, owners: 1094, supply: 7897 } });
  });

  it('reads an unknown id as unsupported', () => {
    expect(run(404, '{"error":"nft collection not found"}')).toMatchObject({ ok: false, kind: 'unsupported' });
  });
});
