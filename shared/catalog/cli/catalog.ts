/**
 * `npm run catalog`: the provider catalog as a table; `npm run catalog -- --json` prints an array
 * of `{id, name, category, capabilities[], auth, cors, tier, verified, docs}`.
 */
import { catalogRow, type CatalogRow } from '../row';
import { allProviders } from '../registry';

export { catalogRow, type CatalogRow };

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
