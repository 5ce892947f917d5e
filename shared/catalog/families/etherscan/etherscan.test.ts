import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../../../model';
import { interpret } from '../../../engine/pipeline';
import { etherscanFamily } from './index';

const ADDRESS = '0xb8553D9ee35dd23BB96fbd679E651B929821969B';
const ctx = { now: Date.parse('2026-01-01T00:00:00Z'), symbolId: () => undefined };
const bscscan = etherscanFamily({ id: 'bscscan', name: 'BscScan', chainid: 56, chain: 'bsc' });

describe('etherscanFamily', () => {
  it('builds one V2 provider per chain from a one-line call', () => {
    const params = CAPABILITIES.balance.params.parse({ chain: 'bsc', address: ADDRESS });
    const spec = bscscan.capabilities.balance?.request(params, ctx);
    expect(spec).toMatchObject({ path: '', query: { chainid: 56, module: 'account', action: 'balance', address: ADDRESS } });
    expect(bscscan.auth).toMatchObject({ kind: 'query', param: 'apikey', env: ['ETHERSCAN_KEY'] });
  });

  it('refuses params for another chain or a non-EVM address', () => {
    const other = CAPABILITIES['block-height'].params.parse({ chain: 'ethereum' });
    expect(bscscan.capabilities['block-height']?.request(other, ctx)).toBe('this explorer serves bsc, not ethereum');
    const bad = CAPABILITIES.balance.params.parse({ chain: 'bsc', address: 'TXYZabcdefghijklmnopqrstuvw' });
    expect(typeof bscscan.capabilities.balance?.request(bad, ctx)).toBe('string');
  });

  const adapter = bscscan.capabilities.transactions;
  const params = CAPABILITIES.transactions.params.parse({ chain: 'bsc', address: ADDRESS });
  const run = (body: string) => (adapter ? interpret(bscscan, adapter, { status: 200, headers: {}, body }, params, ctx) : undefined);

  it('reads "No transactions found" as an empty list, not an error', () => {
    expect(run('{"status":"0","message":"No transactions found","result":[]}')).toEqual({ ok: true, value: [] });
  });

  it('classifies NOTOK reasons', () => {
    expect(run('{"status":"0","message":"NOTOK","result":"Max rate limit reached"}')).toMatchObject({ ok: false, kind: 'rate_limited' });
    expect(run('{"status":"0","message":"NOTOK","result":"Invalid API Key"}')).toMatchObject({ ok: false, kind: 'auth' });
    expect(run('{"status":"0","message":"NOTOK","result":"Error! Invalid address format"}')).toMatchObject({ ok: false, kind: 'upstream_error' });
  });
});
