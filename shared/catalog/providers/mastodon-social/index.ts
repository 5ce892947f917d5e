import type { Classified } from '../../../engine/adapter';
import { defineProvider } from '../../define';
import { social } from './social';

/** Errors: {"error": "…"} (401/403 when the server does not show its timelines to anonymous callers). */
function classify(body: unknown, status: number): Classified | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body) || typeof body.error !== 'string') return undefined;
  const message = body.error;
  if (status === 401 || status === 403) return { kind: 'auth', message };
  if (status === 429 || /throttled|rate limit/i.test(message)) return { kind: 'rate_limited', message };
  return { kind: 'upstream_error', message };
}

/**
 * mastodon.social, the flagship Mastodon server: public hashtag timelines over the REST API.
 * A user token is optional; servers may hide timelines from anonymous callers, and a token avoids that.
 */
export const mastodonSocial = defineProvider({
  id: 'mastodon-social',
  name: 'Mastodon (mastodon.social)',
  category: 'social',
  baseUrl: 'https://mastodon.social/api/v1',
  docs: 'https://docs.joinmastodon.org/methods/timelines/#tag',
  auth: { kind: 'header', param: 'Authorization', prefix: 'Bearer ', env: ['MASTODON_TOKEN'], optional: true },
  // Documented default: 300 requests per 5 minutes per account or IP.
  limits: { perMinute: 60 },
  cors: true,
  tier: 'low',
  weight: 1,
  verified: true,
  capabilities: { social },
  classify,
});
