import type { NewUserProviderT } from '../../../../shared/api/monitor';
import { CATEGORIES, type Category } from '../../../../shared/engine/adapter';
import { CAPABILITY_IDS, type Capability } from '../../../../shared/model';
import { RPC_CHAINS, TEMPLATE_FAMILIES, templateIssue, UserTemplate } from '../../../../shared/catalog/user-template';

/**
 * The "add a provider" form and the import file, checked in the page before anything is sent
 * (the proxy and the worker check again). Errors are message keys so they read in every language.
 */

export interface ProviderDraft {
	id: string;
	name: string;
	category: Category | '';
	baseUrl: string;
	docs: string;
	capabilities: Capability[];
	/** How to call it: '' = stored only. */
	family: '' | UserTemplate['family'];
	chain: (typeof RPC_CHAINS)[number];
	feedPath: string;
}

export type ProviderErrorKey =
	| 'catalog.err.idRequired'
	| 'catalog.err.idPattern'
	| 'catalog.err.idTaken'
	| 'catalog.err.nameRequired'
	| 'catalog.err.nameLong'
	| 'catalog.err.category'
	| 'catalog.err.urlRequired'
	| 'catalog.err.https'
	| 'catalog.err.credentials'
	| 'catalog.err.urlLong'
	| 'catalog.err.capabilities'
	| 'catalog.err.feedPath'
	| 'catalog.err.template';

export type ProviderErrors = Partial<Record<keyof ProviderDraft, ProviderErrorKey>>;

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export const emptyProvider = (): ProviderDraft => ({ id: '', name: '', category: '', baseUrl: 'https://', docs: 'https://', capabilities: [], family: '', chain: 'ethereum', feedPath: '/feed' });

/** Choosing a template sets the category and capabilities its family offers. */
export function withFamily(d: ProviderDraft, family: ProviderDraft['family']): ProviderDraft {
	if (family === '') return { ...d, family };
	const f = TEMPLATE_FAMILIES[family];
	return { ...d, family, category: f.category, capabilities: [...f.capabilities] };
}

function urlError(value: string): ProviderErrorKey | undefined {
	const v = value.trim();
	if (v === '' || v === 'https://') return 'catalog.err.urlRequired';
	if (v.length > 2048) return 'catalog.err.urlLong';
	let url: URL;
	try {
		url = new URL(v);
	} catch {
		return 'catalog.err.https';
	}
	if (url.protocol !== 'https:' || url.hostname === '') return 'catalog.err.https';
	if (url.username !== '' || url.password !== '') return 'catalog.err.credentials';
	return undefined;
}

/** `taken`: ids already used by catalog or user providers. */
export function validateProvider(d: ProviderDraft, taken: ReadonlySet<string>): { ok: true; value: NewUserProviderT } | { ok: false; errors: ProviderErrors } {
	const errors: ProviderErrors = {};
	const id = d.id.trim();
	if (id === '') errors.id = 'catalog.err.idRequired';
	else if (!ID.test(id)) errors.id = 'catalog.err.idPattern';
	else if (taken.has(id)) errors.id = 'catalog.err.idTaken';
	const name = d.name.trim();
	if (name === '') errors.name = 'catalog.err.nameRequired';
	else if (name.length > 100) errors.name = 'catalog.err.nameLong';
	if (d.category === '' || !(CATEGORIES as readonly string[]).includes(d.category)) errors.category = 'catalog.err.category';
	const baseUrl = urlError(d.baseUrl);
	if (baseUrl) errors.baseUrl = baseUrl;
	const docs = urlError(d.docs);
	if (docs) errors.docs = docs;
	const caps = [...new Set(d.capabilities)].filter((c) => CAPABILITY_IDS.includes(c));
	if (caps.length === 0) errors.capabilities = 'catalog.err.capabilities';
	const template = d.family === '' ? undefined : UserTemplate.safeParse(d.family === 'jsonrpc' ? { family: 'jsonrpc', chain: d.chain } : { family: 'rss', path: d.feedPath.trim() });
	if (template && !template.success) errors.feedPath = 'catalog.err.feedPath';
	if (Object.keys(errors).length > 0 || d.category === '') return { ok: false, errors };
	const value = { id, name, category: d.category, baseUrl: d.baseUrl.trim(), docs: d.docs.trim(), capabilities: caps, ...(template?.success ? { template: template.data } : {}) };
	if (templateIssue(value)) return { ok: false, errors: { family: 'catalog.err.template' } };
	return { ok: true, value };
}

export type ImportProblem =
	| { key: 'catalog.import.tooBig' }
	| { key: 'catalog.import.empty' }
	| { key: 'catalog.import.badJson'; detail: string }
	| { key: 'catalog.import.notExport' };

/** Largest file the page reads for an import. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/**
 * Reads an export file's text: JSON, an object with a `providers` and/or `pools` list. The import
 * itself validates every row, all or nothing; this only spares a round trip for the obvious cases.
 */
export function parseImport(text: string): { ok: true; value: Record<string, unknown> } | { ok: false; problem: ImportProblem } {
	if (text.length > MAX_IMPORT_BYTES) return { ok: false, problem: { key: 'catalog.import.tooBig' } };
	if (text.trim() === '') return { ok: false, problem: { key: 'catalog.import.empty' } };
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch (e) {
		return { ok: false, problem: { key: 'catalog.import.badJson', detail: e instanceof Error ? e.message : String(e) } };
	}
	if (body === null || typeof body !== 'object' || Array.isArray(body)) return { ok: false, problem: { key: 'catalog.import.notExport' } };
	const doc = body as Record<string, unknown>;
	const list = (k: string) => doc[k] === undefined || Array.isArray(doc[k]);
	if ((doc.providers === undefined && doc.pools === undefined) || !list('providers') || !list('pools')) return { ok: false, problem: { key: 'catalog.import.notExport' } };
	return { ok: true, value: doc };
}
