import { defineProvider } from '../../define';
import { ohlcv } from './ohlcv';

/**
 * Hugging Face's dataset viewer API over the OHLCV datasets the older system used. Historical
 * candles, not live ones: the lowest tier, so exchanges answer first in the default pool, and
 * /api/resources/hf/* asks it first. Written from the rows API documentation: no real
 * recording of these datasets' rows exists yet, hence `verified: false`.
 */
export const hfDatasets = defineProvider({
  id: 'hf-datasets',
  name: 'Hugging Face datasets (OHLCV)',
  category: 'analytics',
  baseUrl: 'https://datasets-server.huggingface.co',
  docs: 'https://huggingface.co/docs/dataset-viewer/rows',
  // No documented limit for anonymous use; stay gentle.
  limits: { perMinute: 30 },
  cors: true,
  tier: 'emergency',
  weight: 1,
  verified: false,
  capabilities: { ohlcv },
  classify(body, status) {
    // Errors come as { error: "…" } with a 4xx/5xx status.
    if (status < 400 || typeof body !== 'object' || body === null || !('error' in body)) return undefined;
    const error = (body as { error: unknown }).error;
    return typeof error === 'string' ? { kind: status === 404 ? 'unsupported' : 'upstream_error', message: error.slice(0, 200) } : undefined;
  },
});
