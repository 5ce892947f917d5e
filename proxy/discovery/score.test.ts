import { describe, expect, it } from 'vitest';
import type { ProbeOutcome } from './probe';
import { judge, median } from './score';
import type { RawCandidate } from './types';

const node: RawCandidate = { kind: 'jsonrpc', name: 'n', url: 'https://n.example', category: 'rpc', chain: 'bsc', source: 'test' };
const seen = (o: Partial<ProbeOutcome>): ProbeOutcome => ({ samples: [100, 120, 110, 130], calls: 4, allowOrigin: '*', failures: [], chainId: '0x38', height: 1_000, ...o });

describe('judge', () => {
  it('accepts a fast node of the right chain at the reference height, scoring CORS higher', () => {
    const j = judge(node, seen({}), 1_000);
    expect(j).toMatchObject({ verdict: 'accepted-candidate', cors: true, probe: { p50Ms: 115, lagBlocks: 0, chainId: '0x38' } });
    expect(j.reasons[0]).toBe('answers in 115 ms (p50 of 4)');
    const noCors = judge(node, seen({ allowOrigin: null }), 1_000);
    expect(noCors.verdict).toBe('accepted-candidate');
    expect(noCors.score).toBeLessThan(j.score);
  });

  it('rejects with the reason in words', () => {
    expect(judge(node, seen({ chainId: '0x1' }), 1_000).reasons).toEqual(['chain id 0x1, expected 0x38']);
    expect(judge(node, seen({ height: 900 }), 1_000).reasons).toEqual(['100 blocks behind (at most 40 on bsc)']);
    expect(judge(node, seen({ samples: [2_400, 2_500, 2_300] }), 1_000).reasons).toEqual(['p50 2,400 ms > 1,500 ms']);
    expect(judge(node, seen({ samples: [], failures: ['connection refused'], chainId: null, height: null }), 1_000)).toMatchObject({ verdict: 'rejected', score: 0, reasons: ['connection refused'] });
    expect(judge(node, seen({ failures: ['HTTP 429'] }), 1_000).reasons).toEqual(['1 of 4 calls failed: HTTP 429']);
  });

  it('says when lag is unknown instead of guessing', () => {
    const j = judge(node, seen({}), null);
    expect(j.verdict).toBe('accepted-candidate');
    expect(j.reasons).toContain('block lag unknown: no other node of the chain answered');
  });

  it('medians', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
