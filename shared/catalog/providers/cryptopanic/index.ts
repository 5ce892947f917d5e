import { defineProvider } from '../../define';
import { news } from './news';

export const cryptopanic = defineProvider({
  id: 'cryptopanic',
  name: 'CryptoPanic',
  category: 'news',
  // The developer API (v2) replaced /api/v1; both answer {count, next, previous, results[]}.
  baseUrl: 'https://cryptopanic.com/api/developer/v2',
  docs: 'https://cryptopanic.com/developers/api/',
  auth: { kind: 'query', param: 'auth_token', env: ['CRYPTOPANIC_KEY'], optional: false },
  // Free "Developer" plan: about 2 requests per second and a monthly request quota.
  limits: { perSecond: 2, perMonth: 1000 },
  cors: false,
  tier: 'high',
  weight: 2,
  // The recording is from /api/v1 (2022); the v2 field set is not confirmed by a recording yet.
  verified: false,
  capabilities: { news },
  classify(body, status) {
    // Errors arrive as {status: "Incomplete", info: "…"} or {detail: "…"} with 4xx/429.
    if (typeof body !== 'object' || body === null || 'results' in body) return undefined;
    const o = body as { info?: unknown; detail?: unknown };
    const message = typeof o.info === 'string' ? o.info : typeof o.detail === 'string' ? o.detail : undefined;
    if (message === undefined) return undefined;
    if (/rate|throttl|limit/i.test(message)) return { kind: 'rate_limited', message };
    if (status === 401 || status === 403 || /token|auth|key/i.test(message)) return { kind: 'auth', message };
    return { kind: 'upstream_error', message };
  },
});
