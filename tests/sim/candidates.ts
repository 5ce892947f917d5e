import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Discovery candidates on loopback, one behaviour per path. TEST-BUILT: no recording exists of
 * these nodes; every answer is built here from the JSON-RPC 2.0 specification's documented shapes
 * (`{"jsonrpc":"2.0","id":…,"result":"0x…"}`, Ethereum quantities as 0x-hex), never from
 * tests/fixtures/upstream.
 *
 * - `/rpc/good`, `/rpc/good-nocors`: the right chain id, the reference height (with / without CORS)
 * - `/rpc/wrong-chain`: chain id 0x38 (BNB Smart Chain) while listed under Ethereum
 * - `/rpc/lagging`: `lag` blocks behind the reference height
 * - `/rpc/slow`: right answers after `slowMs`
 * - `/rpc/dead`: 503 to everything
 * - `/api/good`: a JSON answer with a `price`; `/api/html`: an HTML page
 * - `/chains.json`: a chain-registry document (ethereum-lists/chains shape) listing the rpc paths,
 *   a refused port, a key placeholder and a wss URL (the last two must be dropped)
 */
export interface CandidateServerOptions {
  /** The chain id the good nodes report (Ethereum: 1). */
  chainId?: number;
  height: number;
  lag?: number;
  slowMs?: number;
  /** A port nothing listens on, for the "connection refused" candidate. */
  refusedPort: number;
}

export interface CandidateServer {
  readonly url: string;
  readonly registryUrl: string;
  rpc(behaviour: 'good' | 'good-nocors' | 'wrong-chain' | 'lagging' | 'slow' | 'dead'): string;
  readonly refusedUrl: string;
  /** Requests received per path. */
  hits(path: string): number;
  close(): Promise<void>;
}

const hex = (n: number) => `0x${n.toString(16)}`;

export async function startCandidateServer({ chainId = 1, height, lag = 500, slowMs = 700, refusedPort }: CandidateServerOptions): Promise<CandidateServer> {
  const hits = new Map<string, number>();
  let base = '';
  const send = (res: ServerResponse, status: number, body: string, cors: boolean, type = 'application/json') => {
    res.writeHead(status, { 'content-type': type, ...(cors ? { 'access-control-allow-origin': '*' } : {}) });
    res.end(body);
  };
  const rpcAnswer = (body: string, chain: number, at: number): string => {
    let id: unknown = null;
    let method = '';
    try {
      const req = JSON.parse(body) as { id?: unknown; method?: unknown };
      id = req.id ?? null;
      method = typeof req.method === 'string' ? req.method : '';
    } catch {
      return JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
    }
    if (method === 'eth_chainId') return JSON.stringify({ jsonrpc: '2.0', id, result: hex(chain) });
    if (method === 'eth_blockNumber') return JSON.stringify({ jsonrpc: '2.0', id, result: hex(at) });
    return JSON.stringify({ jsonrpc: '2.0', id, error: { code: -32601, message: 'Method not found' } });
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    switch (path) {
      case '/chains.json':
        return send(res, 200, JSON.stringify([
          {
            name: 'Ethereum Mainnet (test-built)',
            chain: 'ETH',
            chainId,
            rpc: [
              `${base}/rpc/good`,
              `${base}/rpc/good-nocors/`,
              `${base}/rpc/wrong-chain`,
              `${base}/rpc/lagging`,
              `${base}/rpc/slow`,
              `${base}/rpc/dead`,
              `http://127.0.0.1:${refusedPort}/rpc`,
              'https://mainnet.infura.io/v3/${INFURA_API_KEY}',
              'wss://ethereum.example.invalid',
            ],
          },
          { name: 'Some chain the model does not know (test-built)', chain: 'X', chainId: 999_999, rpc: [`${base}/rpc/good?other`] },
        ]), true);
      case '/rpc/good':
        return send(res, 200, rpcAnswer(body, chainId, height), true);
      case '/rpc/good-nocors':
        return send(res, 200, rpcAnswer(body, chainId, height), false);
      case '/rpc/wrong-chain':
        return send(res, 200, rpcAnswer(body, 56, height), true);
      case '/rpc/lagging':
        return send(res, 200, rpcAnswer(body, chainId, height - lag), true);
      case '/rpc/slow':
        await new Promise((r) => setTimeout(r, slowMs));
        return send(res, 200, rpcAnswer(body, chainId, height), true);
      case '/rpc/dead':
        return send(res, 503, JSON.stringify({ error: 'Service Unavailable' }), true);
      case '/api/good':
        return send(res, 200, JSON.stringify({ price: 67_000.5, symbol: 'BTC' }), true);
      case '/api/html':
        return send(res, 200, '<!doctype html><html><body>Just a moment...</body></html>', false, 'text/html');
      default:
        return send(res, 404, JSON.stringify({ error: 'no such candidate' }), false);
    }
  };
  const server = createServer((req, res) => void handle(req, res).catch(() => send(res, 500, '{}', false)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    registryUrl: `${base}/chains.json`,
    rpc: (behaviour) => `${base}/rpc/${behaviour}`,
    refusedUrl: `http://127.0.0.1:${refusedPort}/rpc`,
    hits: (path) => hits.get(path) ?? 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port that refuses connections: bound, then closed. */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}
