import { z } from 'zod';
import type { NewUserProviderT } from '../shared/api/monitor';
import { NewUserProvider, PROBE_POOL_PREFIX } from '../shared/api/rest';
import { PoolConfig } from '../shared/engine/pool';

/**
 * The resources document (user providers and pools), the same format the proxy exports and imports
 * (proxy/store/transfer.ts): `{ format, version: 1, exportedAt, providers, pools }`. An import is
 * checked whole before anything is written, so an invalid file changes nothing.
 */

export const TRANSFER_FORMAT = 'crypto-monitor/resources';
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 10_000;
const MAX_ISSUES = 20;

export interface TransferDocument {
	format: typeof TRANSFER_FORMAT;
	version: 1;
	exportedAt: string;
	providers: NewUserProviderT[];
	pools: PoolConfig[];
}

const Envelope = z.strictObject({
	format: z.literal(TRANSFER_FORMAT, { error: `format must be '${TRANSFER_FORMAT}'` }).optional(),
	version: z.literal(1, { error: 'version must be 1' }).optional(),
	exportedAt: z.string().optional(),
	providers: z.array(z.unknown(), { error: 'providers must be a list' }).default([]),
	pools: z.array(z.unknown(), { error: 'pools must be a list' }).default([]),
});

export type Checked = { ok: true; providers: NewUserProviderT[]; pools: PoolConfig[] } | { ok: false; code: 'too_large' | 'invalid'; message: string };

export interface CheckContext {
	mode: 'merge' | 'replace';
	/** Catalog ids: a user provider may not take one; pool members may name them. */
	catalogIds: ReadonlySet<string>;
	/** User providers already stored (pool members may name them in a merge). */
	storedProviderIds: ReadonlySet<string>;
}

const where = (path: readonly PropertyKey[]): string => (path.length === 0 ? '' : `, field '${path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.')}'`.replace(/\.\[/g, '['));
const idOf = (v: unknown): string | undefined => (v !== null && typeof v === 'object' && 'id' in v && typeof v.id === 'string' ? v.id : undefined);

/** Validates an import: an export document, or `{ data: <export document> }` (a `mode` beside is ignored). */
export function checkImport(body: unknown, ctx: CheckContext): Checked {
	let size: number;
	try {
		size = JSON.stringify(body)?.length ?? 0;
	} catch {
		return { ok: false, code: 'invalid', message: 'import refused, nothing was changed: the file is not plain JSON' };
	}
	if (size > MAX_IMPORT_BYTES) return { ok: false, code: 'too_large', message: `the file is about ${size} bytes, over the limit of ${MAX_IMPORT_BYTES}` };
	let doc: unknown = body;
	if (doc !== null && typeof doc === 'object' && 'data' in doc) doc = doc.data;
	if (doc !== null && typeof doc === 'object' && 'mode' in doc) {
		const { mode: _mode, ...rest } = doc as Record<string, unknown>;
		doc = rest;
	}
	const env = Envelope.safeParse(doc);
	const issues: string[] = [];
	if (!env.success) {
		for (const i of env.error.issues) issues.push(`file${where(i.path)}: ${i.message}`);
		return refuse(issues);
	}
	const { providers: rawProviders, pools: rawPools } = env.data;
	if (rawProviders.length + rawPools.length > MAX_IMPORT_ROWS) return { ok: false, code: 'too_large', message: `the file has ${rawProviders.length + rawPools.length} rows, over the limit of ${MAX_IMPORT_ROWS}` };

	const providers: NewUserProviderT[] = [];
	rawProviders.forEach((raw, i) => {
		const parsed = NewUserProvider.safeParse(raw);
		const row = `providers[${i}]${idOf(raw) ? ` (id '${idOf(raw)}')` : ''}`;
		if (!parsed.success) for (const issue of parsed.error.issues) issues.push(`${row}${where(issue.path)}: ${issue.message}`);
		else if (ctx.catalogIds.has(parsed.data.id)) issues.push(`${row}: '${parsed.data.id}' is a catalog provider's id`);
		else if (providers.some((p) => p.id === parsed.data.id)) issues.push(`${row}: duplicate provider id '${parsed.data.id}'`);
		else providers.push(parsed.data);
	});
	const known = new Set([...ctx.catalogIds, ...providers.map((p) => p.id), ...(ctx.mode === 'merge' ? ctx.storedProviderIds : [])]);
	const pools: PoolConfig[] = [];
	rawPools.forEach((raw, i) => {
		const parsed = PoolConfig.safeParse(raw);
		const row = `pools[${i}]${idOf(raw) ? ` (id '${idOf(raw)}')` : ''}`;
		if (!parsed.success) {
			for (const issue of parsed.error.issues) issues.push(`${row}${where(issue.path)}: ${issue.message}`);
			return;
		}
		const pool = parsed.data;
		if (pool.id.startsWith('default-') || pool.id.startsWith(PROBE_POOL_PREFIX)) issues.push(`${row}: pool ids starting with 'default-' or '${PROBE_POOL_PREFIX}' are reserved`);
		else if (pools.some((p) => p.id === pool.id)) issues.push(`${row}: duplicate pool id '${pool.id}'`);
		pool.members.forEach((m, j) => {
			if (!known.has(m.provider)) issues.push(`${row}, field 'members[${j}].provider': unknown provider '${m.provider}'`);
		});
		pools.push(pool);
	});
	if (issues.length > 0) return refuse(issues);
	return { ok: true, providers, pools };
}

function refuse(issues: string[]): Checked {
	const shown = issues.slice(0, MAX_ISSUES);
	const more = issues.length > shown.length ? ` (and ${issues.length - shown.length} more)` : '';
	return { ok: false, code: 'invalid', message: `import refused, nothing was changed: ${shown.join('; ')}${more}` };
}
