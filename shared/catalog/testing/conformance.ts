import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CAPABILITIES, type Capability, type ParamsOf } from '../../model';
import type { CaseOf, FixtureCase } from './cases';
import type { AdapterContext, CapabilityAdapter, FailureKind, ProviderSpec } from '../../engine/adapter';
import { interpret } from '../../engine/pipeline';
import { buildHttpRequest } from '../../engine/request';
import { SymbolMap } from '../symbols';
import { BODY_FAULTS, corruptBody } from './corrupt';

/** Recorded upstream responses live here, each with its provenance row in INDEX.md. */
export const FIXTURES_DIR = new URL('../../../tests/fixtures/upstream/', import.meta.url);

export const readFixture = (file: string): string => readFileSync(new URL(file, FIXTURES_DIR), 'utf8');

export type { FixtureCase, CaseOf } from './cases';

const HOSTILE_BODIES = ['', 'null', '[]', '{}', '<html><body>502 Bad Gateway</body></html>', '{"data": [', '"text"', '{"result": 12'];

const symbols = new SymbolMap();
const ctxFor = (provider: ProviderSpec): AdapterContext => ({
  now: Date.now(),
  symbolId: symbols.forProvider(provider.id),
});

function adapterOf<C extends Capability>(provider: ProviderSpec, capability: C): CapabilityAdapter<C> {
  const adapter = provider.capabilities[capability] as CapabilityAdapter<C> | undefined;
  if (!adapter) throw new Error(`${provider.id} has no ${capability} adapter`);
  return adapter;
}

function runCase<C extends Capability>(provider: ProviderSpec, c: CaseOf<C>) {
  const adapter = adapterOf(provider, c.capability);
  const params = CAPABILITIES[c.capability].params.parse(c.params ?? {}) as ParamsOf<C>;
  const body = readFixture(c.fixture);
  const result = interpret(provider, adapter, { status: c.status ?? 200, headers: {}, body }, params, ctxFor(provider));
  return { adapter, params, result };
}

/**
 * The shared conformance suite. Each provider's test calls it with its recorded fixtures:
 * the spec is well-formed, every request builds, every recording parses to a valid canonical
 * answer (or is classified as the error it is), and hostile bodies fail cleanly, never throw.
 */
export function conformance(provider: ProviderSpec, cases: readonly FixtureCase[]): void {
  describe(`${provider.id} conformance`, () => {
    it('declares a well-formed provider', () => {
      expect(provider.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(provider.name.length).toBeGreaterThan(0);
      expect(provider.baseUrl).toMatch(/^https:\/\/[^\s]+[^/]$/);
      expect(provider.docs).toMatch(/^https:\/\//);
      expect(provider.weight).toBeGreaterThan(0);
      const caps = Object.keys(provider.capabilities);
      expect(caps.length).toBeGreaterThan(0);
      for (const cap of caps) expect(Object.hasOwn(CAPABILITIES, cap)).toBe(true);
      if (provider.auth.kind !== 'none') for (const env of provider.auth.env) expect(env).toMatch(/^[A-Z][A-Z0-9_]*$/);
    });

    if (provider.verified) {
      it('has a real recording that parses for every capability it offers', () => {
        const covered = new Set(cases.filter((c) => !c.fails).map((c) => c.capability));
        expect(Object.keys(provider.capabilities).filter((cap) => !covered.has(cap as Capability))).toEqual([]);
      });
    }

    for (const c of cases) {
      const title = c.fails ? `classifies ${c.fixture} as ${c.fails}` : `parses ${c.fixture} into canonical ${c.capability}`;
      it(title, () => {
        const { adapter, params, result } = runCase(provider, c);
        const spec = adapter.request(params, ctxFor(provider));
        expect(typeof spec === 'string' ? spec : buildHttpRequest(provider, spec, 'KEY').url).toBeTruthy();
        if (c.fails) {
          expect(result.ok ? 'ok' : result.kind).toBe(c.fails);
          return;
        }
        if (!result.ok) throw new Error(`${result.kind}: ${result.message}`);
        if (c.expect === undefined) return;
        // For list results `expect` describes the first items, in order.
        const actual = Array.isArray(result.value) && Array.isArray(c.expect) ? result.value.slice(0, c.expect.length) : result.value;
        expect(actual).toMatchObject(c.expect as object);
      });
    }

    it('fails cleanly, never throws and never passes unvalidated data, on hostile bodies', () => {
      // Every recording corrupted every way (wrong types, missing fields, HTML, truncated JSON …),
      // fixed hostile bodies, and one huge array per provider.
      const huge = `[${Array.from({ length: 50_000 }, (_, i) => `{"id":${i},"price":"x"}`).join(',')}]`;
      cases.forEach((c, n) => {
        const adapter = adapterOf(provider, c.capability);
        const params = CAPABILITIES[c.capability].params.parse(c.params ?? {}) as ParamsOf<typeof c.capability>;
        const recorded = readFixture(c.fixture);
        const bodies = [...HOSTILE_BODIES, ...BODY_FAULTS.map((k) => corruptBody(k, recorded) ?? ''), ...(n === 0 ? [huge, `{"data":${huge},"result":${huge}}`] : [])];
        for (const body of bodies) {
          const r = interpret(provider, adapter as CapabilityAdapter, { status: 200, headers: {}, body }, params as never, ctxFor(provider));
          if (r.ok) expect(CAPABILITIES[c.capability].result.safeParse(r.value).success).toBe(true);
          else expect(r.message.length).toBeGreaterThan(0);
        }
      });
    });
  });
}
