import { defineProvider } from '../../define';
import { social } from './social';

export const reddit = defineProvider({
  id: 'reddit',
  name: 'Reddit',
  category: 'social',
  baseUrl: 'https://www.reddit.com',
  docs: 'https://www.reddit.com/dev/api/#GET_hot',
  // Unauthenticated .json listings: Reddit allows about 10 requests a minute per IP.
  limits: { perMinute: 10 },
  cors: false,
  tier: 'medium',
  weight: 2,
  verified: true,
  capabilities: { social },
  classify(body) {
    // {message: "Forbidden", error: 403, reason?: "private" | "banned" | "quarantined"}, {message: "Too Many Requests", error: 429}
    if (typeof body !== 'object' || body === null || !('error' in body) || typeof body.error !== 'number') return undefined;
    const o = body as { error: number; message?: unknown; reason?: unknown };
    const message = `${o.error} ${typeof o.message === 'string' ? o.message : ''}${typeof o.reason === 'string' ? ` (${o.reason})` : ''}`.trim();
    if (o.error === 429) return { kind: 'rate_limited', message };
    // A private, banned or missing community: no other try at this provider will help.
    if (o.error === 404 || typeof o.reason === 'string') return { kind: 'unsupported', message };
    return { kind: 'upstream_error', message };
  },
});
