import { defineProvider } from '../../define';
import { fearGreed } from './fear-greed';

export const alternativeMe = defineProvider({
  id: 'alternative-me',
  name: 'Alternative.me Fear & Greed Index',
  category: 'sentiment',
  baseUrl: 'https://api.alternative.me',
  docs: 'https://alternative.me/crypto/api/',
  // Documented: 60 requests per minute, averaged over a 10-minute window. No key.
  limits: { perMinute: 60 },
  cors: true,
  tier: 'high',
  weight: 2,
  verified: true,
  capabilities: { 'fear-greed': fearGreed },
  classify(body) {
    // Failures come back as HTTP 200 with metadata.error set (null on success).
    if (typeof body !== 'object' || body === null || !('metadata' in body)) return undefined;
    const meta = (body as { metadata: unknown }).metadata;
    if (typeof meta !== 'object' || meta === null || !('error' in meta)) return undefined;
    const error = (meta as { error: unknown }).error;
    return typeof error === 'string' && error.length > 0 ? { kind: 'upstream_error', message: error } : undefined;
  },
});
