import { defineProvider } from '../../define';
import { news } from './news';

export const cryptocompareNews = defineProvider({
  id: 'cryptocompare-news',
  name: 'CryptoCompare News',
  category: 'news',
  baseUrl: 'https://min-api.cryptocompare.com',
  docs: 'https://developers.coindesk.com/documentation/legacy/News/latestNewsArticlesEndpoint',
  // Keyless calls work at a lower limit; a free key raises it.
  auth: { kind: 'query', param: 'api_key', env: ['CRYPTOCOMPARE_KEY'], optional: true },
  limits: { perSecond: 5, perMinute: 50, perHour: 1000 },
  cors: true,
  tier: 'high',
  weight: 2,
  verified: true,
  capabilities: { news },
  classify(body) {
    // min-api failures come at HTTP 200: {Response: "Error", Message: "…", Type: 1 | 2 | 99}.
    if (typeof body !== 'object' || body === null || !('Response' in body) || body.Response !== 'Error') return undefined;
    const message = 'Message' in body && typeof body.Message === 'string' ? body.Message : 'CryptoCompare error';
    if (/rate limit|too many/i.test(message)) return { kind: 'rate_limited', message };
    if (/api key|auth/i.test(message)) return { kind: 'auth', message };
    return { kind: 'upstream_error', message };
  },
});
