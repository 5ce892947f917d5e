import { defineProvider } from '../../define';
import { social } from './social';

/** lemmy.world, the largest Lemmy instance: community hot posts over the v3 HTTP API (keyless). */
export const lemmyWorld = defineProvider({
  id: 'lemmy-world',
  name: 'Lemmy (lemmy.world)',
  category: 'social',
  baseUrl: 'https://lemmy.world/api/v3',
  docs: 'https://join-lemmy.org/api/classes/LemmyHttp.html#getPosts',
  // Lemmy's default per-IP limits allow far more; kept modest for a shared community instance.
  limits: { perMinute: 30 },
  cors: true,
  tier: 'low',
  weight: 1,
  // Written from the documentation; no recorded response yet.
  verified: false,
  capabilities: { social },
  classify(body) {
    // Lemmy errors: {error: "couldnt_find_community"} / {error: "rate_limit_error"}.
    if (typeof body !== 'object' || body === null || !('error' in body) || typeof body.error !== 'string') return undefined;
    const message = body.error;
    if (/rate_limit/.test(message)) return { kind: 'rate_limited', message };
    if (/couldnt_find|not_found/.test(message)) return { kind: 'unsupported', message };
    return { kind: 'upstream_error', message };
  },
});
