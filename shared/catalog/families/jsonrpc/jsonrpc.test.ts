import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../../../model';
import { interpret } from '../../../engine/pipeline';
import { buildHttpRequest } from '../../../engine/request';
import { jsonRpcNode, REWARD_PERCENTILES } from './index';

const ctx = { now: Date.parse('2026-01-01T00:00:00Z'), symbolId: () => undefined };
const node = jsonRpcNode({ id: 'test-node', name: 'Test', chain: 'ethereum', url: 'https://node.example', docs: 'https://node.example' });
const gasParams = CAPABILITIES.gas.params.parse({});
const gas = (result: unknown) =>
  node.capabilities.gas ? interpret(node, node.capabilities.gas, { status: 200, headers: {}, body: JSON.stringify({ jsonrpc: '2.0', id: 1, result }) }, gasParams, ctx) : undefined;

describe('jsonRpcNode', () => {
  it('POSTs one JSON-RPC 2.0 call to the node URL itself', () => {
    const spec = node.capabilities.gas?.request(gasParams, ctx);
    if (spec === undefined || typeof spec === 'string') throw new Error('no request');
    const req = buildHttpRequest(node, spec, undefined);
    expect(req).toMatchObject({ url: 'https://node.example', method: 'POST' });
    expect(JSON.parse(req.body ?? '')).toEqual({ jsonrpc: '2.0', id: 1, method: 'eth_feeHistory', params: ['0x5', 'latest', [...REWARD_PERCENTILES]] });
  });

  it('prices gas as next base fee plus the median tip of each percentile, exactly', () => {
    const result = {
      oldestBlock: '0x10',
      baseFeePerGas: ['0x1', '0x1', '0x1', '0x6fc23ac00'], // next: 30 gwei
      reward: [
        ['0x3b9aca00', '0x77359400', '0xb2d05e00'], // 1, 2, 3 gwei
        ['0x3b9aca00', '0x77359400', '0x12a05f200'], // 1, 2, 5 gwei
        ['0x0', '0x3b9aca01', '0xb2d05e00'], // 0, 1.000000001, 3 gwei
      ],
    };
    expect(gas(result)).toMatchObject({ ok: true, value: { slow: 31, standard: 32, fast: 33, baseFee: 30, unit: 'gwei' } });
  });

  it('refuses an answer without reward percentiles', () => {
    expect(gas({ oldestBlock: '0x1', baseFeePerGas: ['0x1'] })).toMatchObject({ ok: false, kind: 'unsupported' });
  });

  it('classifies throttling errors apart from other node errors', () => {
    const height = node.capabilities['block-height'];
    const run = (body: string) => (height ? interpret(node, height, { status: 200, headers: {}, body }, gasParams, ctx) : undefined);
    expect(run('{"jsonrpc":"2.0","id":1,"error":{"code":-32005,"message":"limit exceeded"}}')).toMatchObject({ ok: false, kind: 'rate_limited' });
    expect(run('{"jsonrpc":"2.0","id":1,"error":{"code":-32603,"message":"Too Many Requests"}}')).toMatchObject({ ok: false, kind: 'rate_limited' });
    expect(run('{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"header not found"}}')).toMatchObject({ ok: false, kind: 'upstream_error' });
  });

  it('refuses another chain', () => {
    const bsc = CAPABILITIES['block-height'].params.parse({ chain: 'bsc' });
    expect(node.capabilities['block-height']?.request(bsc, ctx)).toBe('this node serves ethereum, not bsc');
  });
});
