import { z } from 'zod';
import type { Category } from '../engine/adapter';
import type { Capability } from '../model';

/**
 * The template of a user provider (a provider added at run time: Catalog screen,
 * `POST /api/resources/provider`, imports, accepted discovery candidates). A user provider with a
 * template is an instance of one of the catalog's families, so it gets the family's real adapters
 * and goes live in the engine (./user.ts); one without is kept as data only. This file is the
 * schema alone, so the app can validate without loading any adapter.
 */

/** Chains a JSON-RPC node can serve: the EVM ones (Tron and Bitcoin speak other protocols). */
export const RPC_CHAINS = ['ethereum', 'bsc', 'polygon', 'arbitrum', 'optimism', 'base'] as const;

const JsonRpcTemplate = z.strictObject({
  family: z.literal('jsonrpc'),
  chain: z.enum(RPC_CHAINS, { error: `chain is one of ${RPC_CHAINS.join(', ')}` }),
});
const RssTemplate = z.strictObject({
  family: z.literal('rss'),
  path: z
    .string()
    .max(512, 'a feed path is at most 512 characters')
    .regex(/^\/[^\s?#]*(\?[^\s#]*)?$/, 'a feed path starts with / and has no spaces, e.g. /feed'),
});

/** How to call a user provider: the family it belongs to and that family's settings. */
export const UserTemplate = z.discriminatedUnion('family', [JsonRpcTemplate, RssTemplate], {
  error: "template.family is 'jsonrpc' or 'rss'",
});
export type UserTemplate = z.infer<typeof UserTemplate>;

/** What each family offers and the category its providers belong to. */
export const TEMPLATE_FAMILIES = {
  jsonrpc: { category: 'rpc', capabilities: ['block-height', 'gas', 'balance'] },
  rss: { category: 'news', capabilities: ['news'] },
} as const satisfies Record<UserTemplate['family'], { category: Category; capabilities: readonly Capability[] }>;

/** The fields of a user provider this module reads. */
export interface UserProviderLike {
  readonly id: string;
  readonly name: string;
  readonly category: Category;
  readonly baseUrl: string;
  readonly docs: string;
  readonly capabilities: readonly Capability[];
  readonly template?: UserTemplate | undefined;
  /** Whether it sends CORS headers (browsers in direct mode then call it without a relay); default: its family's. */
  readonly cors?: boolean | undefined;
}

/** Why a template does not fit the rest of the provider, or undefined when it does. */
export function templateIssue(p: UserProviderLike): string | undefined {
  if (!p.template) return undefined;
  const family = TEMPLATE_FAMILIES[p.template.family];
  if (p.category !== family.category) return `a ${p.template.family} provider has category '${family.category}', not '${p.category}'`;
  const offered: readonly Capability[] = family.capabilities;
  const extra = p.capabilities.filter((c) => !offered.includes(c));
  if (extra.length > 0) return `a ${p.template.family} provider offers ${offered.join(', ')}; not ${extra.join(', ')}`;
  if (p.template.family === 'rss' && new URL(p.baseUrl).pathname !== '/') return 'for an rss provider, baseUrl is the site origin and template.path the feed path';
  return undefined;
}
