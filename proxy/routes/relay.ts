import { Hono, type Context } from 'hono';
import { routePath } from 'hono/route';
import { createRelay, RelayError, type RelayOptions } from '../relay';

/** Reads at most `limit` bytes of the request body; beyond that, 413 without reading the rest. */
async function readBody(c: Context, limit: number): Promise<Buffer> {
	const stream = c.req.raw.body;
	if (!stream) return Buffer.alloc(0);
	const reader = stream.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > limit) {
			await reader.cancel();
			throw new RelayError(413, `the request body is too large: at most ${limit} bytes`);
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks);
}

/** The raw (still percent-encoded) path after `/relay/{providerId}/`, wherever the routes are mounted. */
function rawRest(c: Context): string {
	const pathname = new URL(c.req.url).pathname;
	const fixed = routePath(c).split('/').indexOf('*');
	return pathname.split('/').slice(fixed).join('/');
}

/**
 * `/relay/{providerId}/{path…}`: GET for any catalog provider, POST (JSON) for JSON-RPC providers,
 * OPTIONS for preflights. Registered as one ALL route so other methods get a clear 405.
 */
export function relayRoutes(options: RelayOptions) {
	const relay = createRelay(options);
	return new Hono().all('/relay/:providerId/*', (c) =>
		relay.handle({
			providerId: c.req.param('providerId'),
			rawPath: rawRest(c),
			search: new URL(c.req.url).search,
			method: c.req.method,
			headers: c.req.raw.headers,
			body: (limit) => readBody(c, limit)
		})
	);
}
