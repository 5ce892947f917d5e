import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../../../model';
import { interpret } from '../../../engine/pipeline';
import { buildHttpRequest } from '../../../engine/request';
import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { geckoterminal } from './index';

conformance(geckoterminal, fixtures);

describe('geckoterminal', () => {
  const ctx = { now: Date.parse('2026-01-01T00:00:00Z'), symbolId: () => undefined };
  const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
  const params = CAPABILITIES['token-info'].params.parse({ chain: 'polygon', address: USDC });
  const adapter = geckoterminal.capabilities['token-info'];
  const run = (status: number, body: string) => (adapter ? interpret(geckoterminal, adapter, { status, headers: {}, body }, params, ctx) : undefined);

  it("maps the chain to GeckoTerminal's network id and refuses bitcoin", () => {
    const spec = adapter?.request(params, ctx);
    if (spec === undefined || typeof spec === 'string') throw new Error('no request');
    expect(buildHttpRequest(geckoterminal, spec, undefined).url).toBe(`https://api.geckoterminal.com/api/v2/networks/polygon_pos/tokens/${USDC}`);
    expect(adapter?.request(CAPABILITIES['token-info'].params.parse({ chain: 'bitcoin', address: USDC }), ctx)).toBe('GeckoTerminal has no bitcoin tokens');
  });

  // Shape as documented; values illustrative, not a recording.
  it('turns base-unit supply into exact whole tokens', () => {
    const body = JSON.stringify({
      data: {
        id: 'eth_x',
        type: 'token',
        attributes: { address: USDC, name: 'USD Coin', symbol: 'USDC', decimals: 6, total_supply: '52000000123456789.0', normalized_total_supply: '52000000123.4568', price_usd: '0.9998' },
      },
    });
    expect(run(200, body)).toMatchObject({ ok: true, value: { symbol: 'USDC', decimals: 6, totalSupply: '52000000123.456789', priceUsd: 0.9998 } });
  });

  it('reads an unknown token as unsupported', () => {
    expect(run(404, '{"errors":[{"status":"404","title":"Not Found"}]}')).toMatchObject({ ok: false, kind: 'unsupported' });
  });
});
