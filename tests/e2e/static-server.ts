import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

/**
 * A plain static file server on loopback, as a CDN would be: files of `root` under `prefix`
 * (e.g. `/cdn/a/b/`), a directory's index.html, and `<path>.html` for a clean URL (nginx
 * `try_files $uri $uri.html`, GitHub Pages, Netlify, Cloudflare Pages all do this). No SPA
 * rewrite, no headers of the app's own: whatever is not a file is 404.
 */

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** Paths asked for, in order (to check what the app loaded). */
  readonly asked: readonly string[];
  /** Paths answered 404. */
  readonly missing: readonly string[];
  close(): Promise<void>;
}

export async function startStaticServer(root: string, prefix: string): Promise<StaticServer> {
  const asked: string[] = [];
  const missing: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://static').pathname);
    asked.push(path);
    const file = path.startsWith(prefix) ? resolveFile(root, path.slice(prefix.length)) : undefined;
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      missing.push(path);
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    asked,
    missing,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The file for a path below the prefix: itself, `<path>.html` or `<path>/index.html`; never outside root. */
function resolveFile(root: string, relative: string): string | undefined {
  const base = normalize(join(root, relative));
  if (base !== root && !base.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  for (const candidate of [base, `${base}.html`, join(base, 'index.html')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}
