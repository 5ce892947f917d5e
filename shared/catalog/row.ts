import type { ProviderSpec } from '../engine/adapter';

/** One catalog entry as a flat row: what `npm run catalog`, the REST views and the app list. */
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
