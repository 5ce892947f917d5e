import { jsonRpcNode } from '../../families/jsonrpc';

export const polygon1rpc = jsonRpcNode({
  id: 'polygon-1rpc',
  name: '1RPC (Polygon)',
  chain: 'polygon',
  url: 'https://1rpc.io/matic',
  docs: 'https://docs.1rpc.io/using-the-web3-api/networks',
  // Automata's privacy relay: keyless, with a daily per-user quota it answers with a JSON-RPC error.
  limits: { perSecond: 2 },
  tier: 'medium',
  weight: 1,
  verified: true,
});
