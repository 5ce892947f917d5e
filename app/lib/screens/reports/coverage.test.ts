import { describe, expect, it } from 'vitest';
import type { ProviderViewT } from '../../../../shared/api/monitor';
import { CAPABILITY_IDS, type Capability } from '../../../../shared/model';
import { coverage } from './coverage';

const provider = (id: string, capabilities: Capability[], available: boolean): ProviderViewT => ({
  id, name: id, category: 'market', capabilities, auth: 'none', cors: true, tier: 'high', verified: true, docs: 'https://example.com',
  retired: null, state: available ? 'closed' : 'open', keysConfigured: 0, missingKey: false, available, requests: 0, successes: 0,
  successRate: 1, latencyMs: { p50: 0, p95: 0, p99: 0, ewma: 0 },
});

describe('coverage', () => {
  it('counts providers and available ones per capability, listing uncovered capabilities too', () => {
    const rows = coverage([provider('a', ['price', 'markets'], true), provider('b', ['price'], false), provider('c', ['gas'], false)]);
    expect(rows.map((r) => r.capability)).toEqual(CAPABILITY_IDS);
    const of = (c: Capability) => rows.find((r) => r.capability === c);
    expect(of('price')).toEqual({ capability: 'price', providers: 2, available: 1, share: 0.5 });
    expect(of('markets')).toEqual({ capability: 'markets', providers: 1, available: 1, share: 1 });
    expect(of('gas')).toEqual({ capability: 'gas', providers: 1, available: 0, share: 0 });
    expect(of('news')).toEqual({ capability: 'news', providers: 0, available: 0, share: 0 });
  });
});
