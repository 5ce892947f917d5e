import { defineProvider } from '../../define';
import { social } from './social';

/** Hacker News stories through Algolia's public search API (keyless). */
export const hackernews = defineProvider({
  id: 'hackernews',
  name: 'Hacker News (Algolia)',
  category: 'social',
  baseUrl: 'https://hn.algolia.com/api/v1',
  docs: 'https://hn.algolia.com/api',
  // Documented limit: 10,000 requests per hour per IP.
  limits: { perHour: 10_000 },
  cors: true,
  tier: 'low',
  weight: 1,
  verified: true,
  capabilities: { social },
});
