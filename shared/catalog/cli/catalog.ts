/**
 * `npm run catalog`: the provider catalog as a table; `npm run catalog -- --json` prints an array
 * of `{id, name, category, capabilities[], auth, cors, tier, verified, docs}`.
 */
import type { ProviderSpec } from '../../engine/adapter';
import { allProviders } from '../registry';

export interface CatalogRow {
  id: string;
  name: string;
  category: string;
  capabilities: string[];
  auth: 'none' | 'optional key' | 'key';
  cors: boolean;
  tier: string;
  verified: boolean;
  docs: string;
}

export const catalogRow = (p: ProviderSpec): CatalogRow => ({
  id: p.id,
  name: p.name,
  category: p.category,
  capabilities: Object.keys(p.capabilities),
  auth: p.auth.kind === 'none' ? 'none' : p.auth.optional ? 'optional key' : 'key',
  cors: p.cors,
  tier: p.tier,
  verified: p.verified,
  docs: p.docs,
});

export function catalogTable(rows: readonly CatalogRow[]): string {
  const header = ['id', 'category', 'capabilities', 'auth', 'cors', 'tier', 'verified'];
  const cells = rows.map((r) => [r.id, r.category, r.capabilities.join(','), r.auth, r.cors ? 'yes' : 'no', r.tier, r.verified ? 'yes' : 'no']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const fmt = (c: readonly string[]) => c.map((x, i) => x.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  const verified = rows.filter((r) => r.verified).length;
  return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...cells.map(fmt), '', `${rows.length} providers, ${verified} verified`].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = allProviders().map(catalogRow);
  process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(rows, null, 2)}\n` : `${catalogTable(rows)}\n`);
}
