import type { Classified } from '../../../engine/adapter';
import { defineProvider } from '../../define';
import { textSentiment } from './text-sentiment';

/** Errors: {"error": "…"} with 400 (bad input), 401/403 (key) or 429 (quota). */
function classify(body: unknown, status: number): Classified | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body) || typeof body.error !== 'string') return undefined;
  const message = body.error;
  if (status === 401 || status === 403 || /api key/i.test(message)) return { kind: 'auth', message };
  if (status === 429 || /quota|limit/i.test(message)) return { kind: 'rate_limited', message };
  return { kind: 'upstream_error', message };
}

/** API Ninjas Sentiment: a lexicon-based polarity score for English text. Key required (free plan). */
export const apiNinjas = defineProvider({
  id: 'api-ninjas',
  name: 'API Ninjas Sentiment',
  category: 'ai',
  baseUrl: 'https://api.api-ninjas.com',
  docs: 'https://api-ninjas.com/api/sentiment',
  auth: { kind: 'header', param: 'X-Api-Key', env: ['API_NINJAS_KEY'], optional: false },
  // The free plan is metered per month; kept well inside it.
  limits: { perMinute: 30, perMonth: 3_000 },
  cors: true,
  tier: 'low',
  weight: 1,
  // Written from the documentation and public client code; no recorded response yet.
  verified: false,
  capabilities: { 'text-sentiment': textSentiment },
  classify,
});
