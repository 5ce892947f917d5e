import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Resources } from '../../proxy/store/resources';
import { useTempData } from '../../proxy/store/testing';
import { Transfer } from '../../proxy/store/transfer';
import { allProviders } from '../../shared/catalog/registry';
import { checkImport } from '../../worker/transfer';

/**
 * Random import files to both importers: the proxy's Transfer.importJson (SQLite) and the
 * worker's checkImport (direct mode). Neither may throw; a refused file gets a clear message and
 * leaves what was stored untouched; an accepted one is a well-formed document.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_701);
const RUNS = Number(process.env.FUZZ_IMPORT_RUNS ?? 600);
const temp = useTempData();
const catalogIds = new Set(allProviders().map((p) => p.id));

const userProvider = fc.record(
  {
    id: fc.oneof(fc.constantFrom('my-feed', 'coingecko', 'x', ''), fc.string({ maxLength: 20 })),
    name: fc.oneof(fc.constant('My feed'), fc.string({ maxLength: 30 })),
    category: fc.oneof(fc.constantFrom('market', 'news', 'teleport'), fc.anything({ maxDepth: 1 })),
    baseUrl: fc.oneof(fc.constantFrom('https://api.example.com/v1', 'javascript:alert(1)', 'http://127.0.0.1/', 'not a url'), fc.webUrl()),
    docs: fc.oneof(fc.constant('https://example.com/docs'), fc.string({ maxLength: 20 })),
    capabilities: fc.oneof(fc.constant(['price']), fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }), fc.anything({ maxDepth: 1 })),
  },
  { requiredKeys: [] },
);
const pool = fc.record(
  {
    id: fc.oneof(fc.constantFrom('my-pool', 'default-price', 'probe--x'), fc.string({ maxLength: 20 })),
    name: fc.string({ maxLength: 20 }),
    capabilities: fc.oneof(fc.constant(['price']), fc.anything({ maxDepth: 1 })),
    strategy: fc.constantFrom('priority', 'round_robin', 'nope'),
    members: fc.array(fc.record({ provider: fc.oneof(fc.constantFrom('coingecko', 'my-feed'), fc.string({ maxLength: 8 })) }), { maxLength: 3 }),
  },
  { requiredKeys: [] },
);
const documentArb = fc.oneof(
  fc.record({ version: fc.oneof(fc.constant(1), fc.anything({ maxDepth: 0 })), providers: fc.oneof(fc.array(userProvider, { maxLength: 4 }), fc.anything({ maxDepth: 2 })), pools: fc.oneof(fc.array(pool, { maxLength: 3 }), fc.anything({ maxDepth: 2 })) }, { requiredKeys: [] }),
  fc.jsonValue({ maxDepth: 4 }),
);
const fileArb = fc.oneof(
  { weight: 4, arbitrary: documentArb.map((d) => JSON.stringify(d) ?? 'null') },
  fc.string({ maxLength: 300, unit: 'binary' }),
  fc.constantFrom('', '{', '\uFEFF{}', '[', `${'['.repeat(20_000)}${']'.repeat(20_000)}`, '{"providers":[{"id":"a","__proto__":{"x":1}}]}'),
  fc.uint8Array({ maxLength: 300 }).map((a) => a),
);

describe('import fuzzing (seeded)', () => {
  it(`proxy Transfer.importJson: ${RUNS} random files, never throws, refused ones change nothing`, () => {
    const db = temp.open();
    const transfer = new Transfer(db, { catalogProviderIds: catalogIds });
    const resources = new Resources(db);
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(fileArb, fc.constantFrom('merge', 'replace') as fc.Arbitrary<'merge' | 'replace'>, (file, mode) => {
        const before = JSON.stringify({ p: resources.providers(), q: resources.pools() });
        const r = transfer.importJson(file, { mode });
        if (r.ok) {
          accepted++;
          return r.providers >= 0 && r.pools >= 0;
        }
        refused++;
        const after = JSON.stringify({ p: resources.providers(), q: resources.pools() });
        return after === before && r.message.length > 5 && r.message.length < 5_000;
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(refused).toBeGreaterThan(RUNS / 2);
    expect(accepted + refused).toBe(RUNS);
  });

  it(`worker checkImport: ${RUNS} random documents, never throws, a clear message when refused`, () => {
    let refused = 0;
    fc.assert(
      fc.property(fc.oneof(documentArb, fc.anything({ maxDepth: 3 })), fc.constantFrom('merge', 'replace') as fc.Arbitrary<'merge' | 'replace'>, (doc, mode) => {
        const r = checkImport(doc, { mode, catalogIds, storedProviderIds: new Set(['my-feed']) });
        if (r.ok) return Array.isArray(r.providers) && Array.isArray(r.pools);
        refused++;
        return r.message.length > 5 && r.message.length < 5_000;
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
    expect(refused).toBeGreaterThan(RUNS / 2);
  });
});
