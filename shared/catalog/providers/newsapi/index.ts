import { defineProvider } from '../../define';
import { news } from './news';

export const newsapi = defineProvider({
  id: 'newsapi',
  name: 'NewsAPI',
  category: 'news',
  baseUrl: 'https://newsapi.org/v2',
  docs: 'https://newsapi.org/docs/endpoints/everything',
  auth: { kind: 'header', param: 'X-Api-Key', env: ['NEWSAPI_KEY'], optional: false },
  // Developer plan: 100 requests a day (50 per 12 h), articles delayed by 24 h.
  limits: { perDay: 100 },
  // The Developer plan answers browsers only from localhost: route through the relay / proxy.
  cors: false,
  tier: 'medium',
  weight: 1,
  verified: true,
  capabilities: { news },
  classify(body) {
    // {status: "error", code: "rateLimited" | "apiKeyInvalid" | "apiKeyMissing" | …, message}
    if (typeof body !== 'object' || body === null || !('status' in body) || body.status !== 'error') return undefined;
    const { code, message } = body as { code?: unknown; message?: unknown };
    const text = typeof message === 'string' ? message : String(code);
    if (code === 'rateLimited') return { kind: 'rate_limited', message: text };
    if (typeof code === 'string' && /^apiKey/.test(code)) return { kind: 'auth', message: text };
    return { kind: 'upstream_error', message: text };
  },
});
