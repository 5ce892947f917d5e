import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../../../model';
import { blockscoutFamily } from './index';

const ctx = { now: Date.parse('2026-01-01T00:00:00Z'), symbolId: () => undefined };
const base = blockscoutFamily({ id: 'blockscout-base', name: 'Blockscout (Base)', host: 'base.blockscout.com', chain: 'base' });

describe('blockscoutFamily', () => {
  it('builds one REST v2 provider per instance', () => {
    expect(base.baseUrl).toBe('https://base.blockscout.com/api/v2');
    const params = CAPABILITIES.balance.params.parse({ chain: 'base', address: '0xb8553D9ee35dd23BB96fbd679E651B929821969B' });
    expect(base.capabilities.balance?.request(params, ctx)).toEqual({ path: '/addresses/0xb8553D9ee35dd23BB96fbd679E651B929821969B' });
  });

  it('refuses params for another chain or a non-EVM address', () => {
    const other = CAPABILITIES.gas.params.parse({ chain: 'ethereum' });
    expect(base.capabilities.gas?.request(other, ctx)).toBe('this Blockscout instance serves base, not ethereum');
    const bad = CAPABILITIES['token-info'].params.parse({ chain: 'base', address: 'TXYZabcdefghijklmnopqrstuvw' });
    expect(typeof base.capabilities['token-info']?.request(bad, ctx)).toBe('string');
  });
});
