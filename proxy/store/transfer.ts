import { z } from 'zod';
import { PoolConfig } from '../../shared/engine';
import { parseCsv, toCsv } from './csv';
import type { StoreDb } from './db';
import { Resources } from './resources';
import { UserProviderSpec } from './user-provider';

export const TRANSFER_FORMAT = 'crypto-monitor/resources';
export const DEFAULT_MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_IMPORT_ROWS = 10_000;
/** Columns of the CSV form: one row per provider or pool, its JSON in the last cell. */
export const CSV_COLUMNS = ['kind', 'id', 'json'] as const;
const MAX_ISSUES = 20;

export type ImportMode = 'merge' | 'replace';

export interface TransferDocument {
	format: typeof TRANSFER_FORMAT;
	version: 1;
	exportedAt: string;
	providers: UserProviderSpec[];
	pools: PoolConfig[];
}

export interface ImportIssue {
	/** Where: `providers[3]`, `pools[0]` (JSON) or `line 4` (CSV), with the id when known. */
	row: string;
	/** The field inside the row, e.g. `capabilities[1]` or `members[0].provider`. */
	field?: string;
	message: string;
}

export type ImportResult =
	| { ok: true; mode: ImportMode; providers: number; pools: number }
	| { ok: false; reason: 'too_large' | 'invalid'; message: string; issues: ImportIssue[] };

export interface ImportOptions {
	mode: ImportMode;
	/** Called inside the transaction after each row is written (progress for big imports). */
	onProgress?: (written: number, total: number) => void;
}

export interface TransferOptions {
	/** Refuse bodies larger than this many bytes; default 5 MB. */
	maxBytes?: number;
	/** Refuse files with more providers + pools than this; default 10,000. */
	maxRows?: number;
	/**
	 * The catalog's provider ids. When given, a user provider may not take one, and every pool
	 * member must be a catalog provider or a user provider (in the file, or stored for a merge).
	 */
	catalogProviderIds?: ReadonlySet<string>;
	/** Default: `Date.now`. */
	now?: () => number;
}

interface Row<T> {
	label: string;
	value: T;
}

const Envelope = z.strictObject({
	format: z.literal(TRANSFER_FORMAT, { error: `format must be '${TRANSFER_FORMAT}'` }).optional(),
	version: z.literal(1, { error: 'version must be 1' }).optional(),
	exportedAt: z.string().optional(),
	providers: z.array(z.unknown(), { error: 'providers must be a list' }).default([]),
	pools: z.array(z.unknown(), { error: 'pools must be a list' }).default([]),
});

/**
 * Export and import of user providers and pools, JSON or CSV. An import is all-or-nothing: every
 * row is validated before anything is written, and the writes are one transaction, so a bad row
 * or a crash leaves the previous rows exactly as they were.
 */
export class Transfer {
	readonly #db: StoreDb;
	readonly #resources: Resources;
	readonly #maxBytes: number;
	readonly #maxRows: number;
	readonly #catalog: ReadonlySet<string> | undefined;
	readonly #now: () => number;

	constructor(db: StoreDb, { maxBytes = DEFAULT_MAX_IMPORT_BYTES, maxRows = DEFAULT_MAX_IMPORT_ROWS, catalogProviderIds, now = Date.now }: TransferOptions = {}) {
		this.#db = db;
		this.#resources = new Resources(db, now);
		this.#maxBytes = maxBytes;
		this.#maxRows = maxRows;
		this.#catalog = catalogProviderIds;
		this.#now = now;
	}

	exportDocument(): TransferDocument {
		return { format: TRANSFER_FORMAT, version: 1, exportedAt: new Date(this.#now()).toISOString(), providers: this.#resources.providers(), pools: this.#resources.pools() };
	}

	exportJson(): string {
		return JSON.stringify(this.exportDocument(), null, 2);
	}

	exportCsv(): string {
		const doc = this.exportDocument();
		return toCsv(CSV_COLUMNS, [...doc.providers.map((p) => ['provider', p.id, JSON.stringify(p)]), ...doc.pools.map((p) => ['pool', p.id, JSON.stringify(p)])]);
	}

	importJson(body: string | Uint8Array, options: ImportOptions): ImportResult {
		const text = this.#text(body);
		if (typeof text !== 'string') return text;
		let parsed: unknown;
		try {
			parsed = JSON.parse(text);
		} catch (err) {
			return invalid([{ row: 'file', message: `not valid JSON (${(err as Error).message})` }]);
		}
		const env = Envelope.safeParse(parsed);
		if (!env.success) return invalid(env.error.issues.slice(0, MAX_ISSUES).map((i) => ({ row: 'file', ...fieldOf(i.path), message: i.message })));
		const { providers, pools } = env.data;
		if (providers.length + pools.length > this.#maxRows) return tooManyRows(providers.length + pools.length, this.#maxRows);
		return this.#import(
			providers.map((value, i) => ({ label: `providers[${i}]`, value })),
			pools.map((value, i) => ({ label: `pools[${i}]`, value })),
			options,
		);
	}

	importCsv(body: string | Uint8Array, options: ImportOptions): ImportResult {
		const text = this.#text(body);
		if (typeof text !== 'string') return text;
		const csv = parseCsv(text);
		if (!csv.ok) return invalid([{ row: `line ${csv.line}`, message: csv.message }]);
		const [header, ...records] = csv.records;
		if (!header || header.cells.join(',') !== CSV_COLUMNS.join(',')) return invalid([{ row: 'line 1', message: `the header must be '${CSV_COLUMNS.join(',')}'` }]);
		if (records.length > this.#maxRows) return tooManyRows(records.length, this.#maxRows);
		const providers: Row<unknown>[] = [];
		const pools: Row<unknown>[] = [];
		const issues: ImportIssue[] = [];
		for (const r of records) {
			const row = `line ${r.line}`;
			if (r.cells.length !== CSV_COLUMNS.length) {
				issues.push({ row, message: `expected ${CSV_COLUMNS.length} cells (${CSV_COLUMNS.join(', ')}), found ${r.cells.length}` });
				continue;
			}
			const [kind, id, json] = r.cells as [string, string, string];
			if (kind !== 'provider' && kind !== 'pool') {
				issues.push({ row, field: 'kind', message: `kind must be 'provider' or 'pool', not '${kind}'` });
				continue;
			}
			let value: unknown;
			try {
				value = JSON.parse(json);
			} catch {
				issues.push({ row, field: 'json', message: 'not valid JSON' });
				continue;
			}
			const inner = value !== null && typeof value === 'object' && 'id' in value ? value.id : undefined;
			if (inner !== id) {
				issues.push({ row, field: 'id', message: `the id cell '${id}' differs from the JSON's id '${String(inner)}'` });
				continue;
			}
			(kind === 'provider' ? providers : pools).push({ label: row, value });
		}
		if (issues.length) return invalid(issues);
		return this.#import(providers, pools, options);
	}

	#text(body: string | Uint8Array): string | ImportResult {
		const bytes = typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.byteLength;
		if (bytes > this.#maxBytes) {
			return { ok: false, reason: 'too_large', message: `the file is ${bytes} bytes, over the limit of ${this.#maxBytes}`, issues: [] };
		}
		if (typeof body === 'string') return body;
		try {
			return new TextDecoder('utf-8', { fatal: true }).decode(body);
		} catch {
			return invalid([{ row: 'file', message: 'not UTF-8 text' }]);
		}
	}

	#import(rawProviders: Row<unknown>[], rawPools: Row<unknown>[], { mode, onProgress }: ImportOptions): ImportResult {
		const issues: ImportIssue[] = [];
		const providers = validate(rawProviders, UserProviderSpec, issues);
		const pools = validate(rawPools, PoolConfig, issues);
		duplicates(providers, 'provider', issues);
		duplicates(pools, 'pool', issues);
		if (this.#catalog) {
			const catalog = this.#catalog;
			for (const p of providers) {
				if (catalog.has(p.value.id)) issues.push({ row: label(p), field: 'id', message: `'${p.value.id}' is a catalog provider's id` });
			}
			const known = new Set([...catalog, ...providers.map((p) => p.value.id), ...(mode === 'merge' ? this.#resources.providers().map((p) => p.id) : [])]);
			for (const p of pools) {
				p.value.members.forEach((m, i) => {
					if (!known.has(m.provider)) issues.push({ row: label(p), field: `members[${i}].provider`, message: `unknown provider '${m.provider}'` });
				});
			}
		}
		if (issues.length) return invalid(issues);
		const total = providers.length + pools.length;
		this.#db.transaction(() => {
			if (mode === 'replace') this.#resources.clearAll();
			let written = 0;
			for (const p of providers) {
				this.#resources.putProvider(p.value);
				onProgress?.(++written, total);
			}
			for (const p of pools) {
				this.#resources.putPool(p.value);
				onProgress?.(++written, total);
			}
		});
		return { ok: true, mode, providers: providers.length, pools: pools.length };
	}
}

function validate<T>(rows: Row<unknown>[], schema: z.ZodType<T>, issues: ImportIssue[]): Row<T>[] {
	const out: Row<T>[] = [];
	for (const r of rows) {
		const parsed = schema.safeParse(r.value, { error: missing });
		if (parsed.success) {
			out.push({ label: r.label, value: parsed.data });
			continue;
		}
		const id = r.value !== null && typeof r.value === 'object' && 'id' in r.value && typeof r.value.id === 'string' ? r.value.id : undefined;
		const row = id === undefined || r.label.startsWith('line') ? r.label : `${r.label} (id '${id}')`;
		for (const i of parsed.error.issues) issues.push({ row, ...fieldOf(i.path), message: i.message });
	}
	return out;
}

/** Zod says "expected string, received undefined" for a missing field; say it plainly. */
const missing: z.core.$ZodErrorMap = (iss) => (iss.code === 'invalid_type' && iss.input === undefined ? 'required, but missing' : undefined);

function duplicates<T extends { id: string }>(rows: Row<T>[], what: string, issues: ImportIssue[]): void {
	const first = new Map<string, string>();
	for (const r of rows) {
		const seen = first.get(r.value.id);
		if (seen) issues.push({ row: label(r), field: 'id', message: `duplicate ${what} id '${r.value.id}' (first at ${seen})` });
		else first.set(r.value.id, r.label);
	}
}

function label(r: Row<{ id: string }>): string {
	return r.label.startsWith('line') ? r.label : `${r.label} (id '${r.value.id}')`;
}

function fieldOf(path: readonly PropertyKey[]): { field?: string } {
	if (path.length === 0) return {};
	let s = '';
	for (const p of path) s += typeof p === 'number' ? `[${p}]` : s === '' ? String(p) : `.${String(p)}`;
	return { field: s };
}

function describe(i: ImportIssue): string {
	return `${i.row}${i.field ? `, field '${i.field}'` : ''}: ${i.message}`;
}

function invalid(all: ImportIssue[]): ImportResult {
	const issues = all.slice(0, MAX_ISSUES);
	const more = all.length > issues.length ? ` (and ${all.length - issues.length} more)` : '';
	return { ok: false, reason: 'invalid', message: `import refused, nothing was changed: ${issues.map(describe).join('; ')}${more}`, issues };
}

function tooManyRows(rows: number, max: number): ImportResult {
	return { ok: false, reason: 'too_large', message: `the file has ${rows} rows, over the limit of ${max}`, issues: [] };
}
