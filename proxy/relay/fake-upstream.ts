import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

/** For tests only: a loopback HTTP server that plays a misbehaving upstream for the relay. */

export interface Received {
	readonly method: string;
	/** Path and query as received. */
	readonly url: string;
	readonly headers: IncomingHttpHeaders;
	readonly body: string;
}

export interface FakeUpstream {
	/** The port on 127.0.0.1. */
	readonly port: number;
	/** Every request received, in order. */
	readonly received: Received[];
	close(): Promise<void>;
}

/**
 * Paths (after any prefix; the last segment decides):
 * - `echo`: 200 JSON of what was received (method, url, headers, body), with a Set-Cookie.
 * - `big?n=…`: n bytes of `x`, streamed without a Content-Length; `declared?n=…`: with one.
 * - `gzip`: a gzip-compressed JSON body (sent even though the relay asks for identity).
 * - `slow`: never answers.
 * - `redirect?to=…&status=…`: a redirect (default 302) to `to`.
 * - anything else: 200 `{"ok":true,"path":…}`.
 */
export async function startFakeUpstream(): Promise<FakeUpstream> {
	const received: Received[] = [];
	const sockets = new Set<Socket>();
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8');
			received.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body });
			const url = new URL(req.url ?? '/', 'http://upstream');
			const last = url.pathname.split('/').pop() ?? '';
			const n = Number(url.searchParams.get('n') ?? '0');
			switch (last) {
				case 'echo':
					res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'session=upstream-secret; Path=/', 'x-internal': 'leak' });
					res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body }));
					return;
				case 'big':
					res.writeHead(200, { 'content-type': 'text/plain' });
					for (let sent = 0; sent < n; sent += 1024) res.write('x'.repeat(Math.min(1024, n - sent)));
					res.end();
					return;
				case 'declared':
					res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(n) });
					res.end('x'.repeat(n));
					return;
				case 'gzip':
					res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
					res.end(gzipSync(JSON.stringify({ compressed: true })));
					return;
				case 'slow':
					return;
				case 'redirect':
					res.writeHead(Number(url.searchParams.get('status') ?? '302'), { location: url.searchParams.get('to') ?? '/' });
					res.end();
					return;
				default:
					res.writeHead(200, { 'content-type': 'application/json' });
					res.end(JSON.stringify({ ok: true, path: url.pathname }));
			}
		});
	});
	server.on('connection', (s) => {
		sockets.add(s);
		s.on('close', () => sockets.delete(s));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		port,
		received,
		close: () =>
			new Promise<void>((resolve) => {
				for (const s of sockets) s.destroy();
				server.close(() => resolve());
			})
	};
}
