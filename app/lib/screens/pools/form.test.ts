import { describe, expect, it } from 'vitest';
import { PoolConfig } from '../../../../shared/engine/pool';
import type { Capability } from '../../../../shared/model';
import { draftOf, emptyDraft, fits, validatePool, type PoolDraft } from './form';

const offers: Record<string, Capability[]> = { coingecko: ['price', 'markets'], binance: ['price', 'ohlcv'], etherscan: ['gas'] };
const ctx = { creating: true, existing: ['mine'], offers: (p: string) => offers[p] };
const draft = (patch: Partial<PoolDraft> = {}): PoolDraft => ({
  ...emptyDraft(),
  id: 'fast-prices',
  name: 'Fast prices',
  capabilities: ['price'],
  members: [{ provider: 'coingecko', weight: 2, priority: null, tier: '' }, { provider: 'binance', weight: null, priority: 1, tier: 'high' }],
  ...patch,
});

describe('validatePool', () => {
  it('turns a good draft into a config the engine accepts, leaving empty fields to their defaults', () => {
    const r = validatePool(draft(), ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.members).toEqual([{ provider: 'coingecko', weight: 2 }, { provider: 'binance', priority: 1, tier: 'high' }]);
    expect(PoolConfig.safeParse(r.value).success).toBe(true);
  });

  it('refuses bad, reserved and taken ids', () => {
    const errorOf = (id: string, creating = true) => {
      const r = validatePool(draft({ id }), { ...ctx, creating });
      return r.ok ? undefined : r.errors.id;
    };
    expect(errorOf('')).toBe('pools.err.idRequired');
    expect(errorOf('Has Caps')).toBe('pools.err.idPattern');
    expect(errorOf('default-price')).toBe('pools.err.idReserved');
    expect(errorOf('probe--x')).toBe('pools.err.idReserved');
    expect(errorOf('mine')).toBe('pools.err.idTaken');
    expect(errorOf('mine', false)).toBeUndefined();
  });

  it('checks name, max alternatives and that there is at least one member', () => {
    const r = validatePool(draft({ name: '  ', maxAlternatives: 0, members: [] }), ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({ name: 'pools.err.nameRequired', maxAlternatives: 'pools.err.maxAlternatives', members: 'pools.err.noMembers' });
  });

  it('flags each bad member field by its row', () => {
    const r = validatePool(
      draft({
        members: [
          { provider: 'coingecko', weight: 0, priority: 1.5, tier: '' },
          { provider: 'coingecko', weight: null, priority: null, tier: '' },
          { provider: 'etherscan', weight: 1001, priority: -1, tier: '' },
          { provider: 'nobody', weight: null, priority: null, tier: '' },
        ],
      }),
      ctx,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      'members.0.weight': 'pools.err.weight',
      'members.0.priority': 'pools.err.priority',
      'members.1.provider': 'pools.err.duplicate',
      'members.2.provider': 'pools.err.memberNoCapability',
      'members.2.weight': 'pools.err.weight',
      'members.2.priority': 'pools.err.priority',
      'members.3.provider': 'pools.err.unknownProvider',
    });
  });
});

describe('fits and draftOf', () => {
  it('a pool with no capabilities takes any provider; otherwise the provider offers one of them', () => {
    expect(fits(['gas'], [])).toBe(true);
    expect(fits(['gas'], ['price', 'gas'])).toBe(true);
    expect(fits(['gas'], ['price'])).toBe(false);
  });

  it('a pool view round-trips through a draft', () => {
    const d = draftOf({
      id: 'p', name: 'P', capabilities: ['price'], strategy: 'weighted', hedge: true, maxAlternatives: 3,
      members: [{ provider: 'coingecko', weight: 5, state: 'closed', available: true }],
    });
    expect(d.members).toEqual([{ provider: 'coingecko', weight: 5, priority: null, tier: '' }]);
    const r = validatePool(d, { ...ctx, creating: false });
    expect(r.ok && r.value).toEqual({ id: 'p', name: 'P', capabilities: ['price'], strategy: 'weighted', hedge: true, maxAlternatives: 3, members: [{ provider: 'coingecko', weight: 5 }] });
  });
});
