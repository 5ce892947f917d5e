import type { Classified } from '../../../engine/adapter';
import { defineProvider } from '../../define';
import { tokenInfo } from './token-info';

/** Errors come as JSON:API `{"errors": [{"status": "404", "title": "Not Found"}]}`. */
const classify = (body: unknown): Classified | undefined => {
  if (typeof body !== 'object' || body === null || !('errors' in body) || !Array.isArray(body.errors)) return undefined;
  const first: unknown = body.errors[0];
  const title = typeof first === 'object' && first !== null && 'title' in first && typeof first.title === 'string' ? first.title : 'GeckoTerminal error';
  return { kind: /not found/i.test(title) ? 'unsupported' : 'upstream_error', message: title };
};

/**
 * GeckoTerminal (CoinGecko's on-chain DEX data): token name, symbol, decimals, supply and DEX price
 * for ERC-20/BEP-20/TRC-20 tokens. Keyless; the documented free limit is 30 calls a minute.
 * Written from the documentation (https://apiguide.geckoterminal.com); no recorded response found
 * yet, hence unverified.
 */
export const geckoterminal = defineProvider({
  id: 'geckoterminal',
  name: 'GeckoTerminal',
  category: 'defi',
  baseUrl: 'https://api.geckoterminal.com',
  docs: 'https://apiguide.geckoterminal.com',
  limits: { perMinute: 30 },
  cors: false,
  tier: 'high',
  weight: 2,
  verified: false,
  capabilities: { 'token-info': tokenInfo },
  classify,
});
