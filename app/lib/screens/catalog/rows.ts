import type { ResourceListT } from '../../../../shared/api/monitor';
import type { Category, Tier } from '../../../../shared/engine/adapter';
import type { Capability } from '../../../../shared/model';

/** A catalog provider or a user provider, as one table row. User rows know less (null). */
export interface CatalogRow {
	id: string;
	name: string;
	category: Category;
	capabilities: Capability[];
	auth: 'none' | 'optional key' | 'key' | null;
	cors: boolean | null;
	verified: boolean | null;
	tier: Tier | null;
	docs: string;
	retired: string | null;
	kind: 'catalog' | 'user';
	/** A user provider the engine calls (it has a template); catalog rows are always live. */
	live: boolean;
}

export function rowsOf(list: ResourceListT): CatalogRow[] {
	return [
		...list.catalog.map((p): CatalogRow => ({ id: p.id, name: p.name, category: p.category, capabilities: p.capabilities, auth: p.auth, cors: p.cors, verified: p.verified, tier: p.tier, docs: p.docs, retired: p.retired, kind: 'catalog', live: true })),
		...list.user.map((p): CatalogRow => ({ id: p.id, name: p.name, category: p.category, capabilities: p.capabilities, auth: null, cors: null, verified: null, tier: null, docs: p.docs, retired: null, kind: 'user', live: p.live }))
	];
}

export interface CatalogFilter {
	category: string;
	capability: string;
	auth: string;
	/** '', 'yes', 'no' */
	cors: string;
	verified: string;
	kind: string;
}

const yesNo = (want: string, v: boolean | null) => want === '' || (v !== null && (want === 'yes') === v);

export const matches = (r: CatalogRow, f: CatalogFilter): boolean =>
	(f.category === '' || r.category === f.category) &&
	(f.capability === '' || r.capabilities.includes(f.capability as Capability)) &&
	(f.auth === '' || r.auth === f.auth) &&
	yesNo(f.cors, r.cors) &&
	yesNo(f.verified, r.verified) &&
	(f.kind === '' || r.kind === f.kind);
