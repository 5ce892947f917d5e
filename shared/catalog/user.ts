import type { Provider } from './define';
import { jsonRpcNode } from './families/jsonrpc';
import { rssFeed } from './families/rss';
import { templateIssue, type UserProviderLike } from './user-template';

export { RPC_CHAINS, TEMPLATE_FAMILIES, UserTemplate, templateIssue, type UserProviderLike } from './user-template';

/**
 * The live provider for a user provider, or undefined when it has no template (stored only).
 * Only the capabilities the user listed are offered. User providers are never `verified`: no
 * recorded answer of theirs has been checked.
 */
export function userProviderAdapter(p: UserProviderLike): Provider<string> | undefined {
  const t = p.template;
  if (!t || templateIssue(p) !== undefined) return undefined;
  const base = { id: p.id, name: p.name, docs: p.docs, verified: false, ...(p.cors === undefined ? {} : { cors: p.cors }) };
  const provider: Provider<string> =
    t.family === 'jsonrpc'
      ? jsonRpcNode({ ...base, chain: t.chain, url: p.baseUrl.replace(/\/+$/, '') })
      : rssFeed({ ...base, baseUrl: p.baseUrl.replace(/\/+$/, ''), path: t.path });
  const listed = new Set<string>(p.capabilities);
  const capabilities = Object.fromEntries(Object.entries(provider.capabilities).filter(([cap]) => listed.has(cap)));
  return { ...provider, capabilities };
}
