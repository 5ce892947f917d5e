import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Category } from '../../../shared/engine';
import { usableUrl, type DiscoverySource, type RawCandidate } from '../types';

/** The older system's provider list, copied into the repository (see ../data/PROVENANCE.md). */
export const SEED_FILE = new URL('../data/providers_config_extended.json', import.meta.url);

/** Its categories in ours; `blockchain_data` were mostly keyed node services, closest to rpc. */
const CATEGORY: Record<string, Category> = {
	market_data: 'market',
	exchange: 'exchange',
	blockchain_explorers: 'explorer',
	blockchain_data: 'rpc',
	defi: 'defi',
	nft: 'nft',
	news: 'news',
	social: 'social',
	sentiment: 'sentiment',
	analytics: 'analytics',
};

const SeedProvider = z.looseObject({
	name: z.string(),
	category: z.string(),
	base_url: z.string(),
	requires_auth: z.boolean().optional(),
	endpoints: z.record(z.string(), z.string()).optional(),
});
const SeedFile = z.looseObject({ providers: z.record(z.string(), z.unknown()) });

/**
 * HTTP candidates from the older system's list: keyless providers on hosts the catalog does not
 * have, probed at their first endpoint that needs no path parameter (or the base URL). RSS feeds
 * are left to the rss family (their answer is XML, not JSON).
 */
export function seedCandidates(doc: unknown, knownHosts: ReadonlySet<string>): RawCandidate[] {
	const file = SeedFile.safeParse(doc);
	if (!file.success) return [];
	const out: RawCandidate[] = [];
	for (const value of Object.values(file.data.providers)) {
		const p = SeedProvider.safeParse(value);
		if (!p.success || p.data.requires_auth) continue;
		const category = CATEGORY[p.data.category];
		const base = usableUrl(p.data.base_url, false);
		if (!category || !base || knownHosts.has(base.host) || /rss|feed/i.test(base.pathname)) continue;
		const path = Object.values(p.data.endpoints ?? {}).find((e) => e !== '' && !/[{}]/.test(e)) ?? '';
		const probe = usableUrl(`${p.data.base_url.replace(/\/$/, '')}${path}`, false);
		if (!probe) continue;
		out.push({ kind: 'http', name: p.data.name, url: probe.href, category, source: 'seed-catalog', expect: 'JSON' });
	}
	return out;
}

export function seedCatalogSource(file: URL = SEED_FILE): DiscoverySource {
	return {
		name: 'seed-catalog',
		gather: (ctx) => Promise.resolve(seedCandidates(JSON.parse(readFileSync(file, 'utf8')) as unknown, ctx.knownHosts)),
	};
}
