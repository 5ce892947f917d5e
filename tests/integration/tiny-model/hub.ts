import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TinyHub {
  readonly url: string;
  /** Paths requested so far, in order (each counted, 404s included). */
  readonly requests: string[];
  close(): Promise<void>;
}

/** Serves model files on 127.0.0.1 laid out like the hub: `/<model>/resolve/main/<file>`. */
export async function startTinyHub(model: string, files: Readonly<Record<string, string | Uint8Array>>): Promise<TinyHub> {
  const requests: string[] = [];
  const prefix = `/${model}/resolve/main/`;
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    requests.push(path);
    const file = path.startsWith(prefix) ? files[path.slice(prefix.length)] : undefined;
    if (file === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Entry not found');
      return;
    }
    const body = typeof file === 'string' ? Buffer.from(file) : Buffer.from(file);
    res.writeHead(200, { 'content-type': typeof file === 'string' ? 'application/json' : 'application/octet-stream', 'content-length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
