import type { ServerResponse } from 'node:http';
import type { Context } from 'hono';

interface NodeBindings {
	outgoing?: ServerResponse;
}

/**
 * Sets a response header before the handler runs, for middleware that adds the same few headers
 * to every response (security, CORS, rate limit).
 *
 * Under @hono/node-server the header goes straight onto Node's response: `writeHead` merges it
 * with the handler's own headers, and the handler's win (a route that sets its own
 * Content-Security-Policy replaces this one). The handler's response then keeps the plain header
 * object that node-server writes out directly. `c.header()` would instead start a WHATWG
 * `Headers` for every response and send each one down node-server's slow path (converting the
 * Headers back into an object per request): measured here, the cached-read ratio to a Hono
 * hello-world went from 0.56 to 0.61 (median of 6 alternating runs) with this alone. Anywhere
 * else (`app.request()` in tests, another runtime) it is `c.header()`; the bytes on the wire are
 * the same either way.
 */
export function presetHeader(c: Context, name: string, value: string): void {
	const outgoing = (c.env as NodeBindings | undefined)?.outgoing;
	if (outgoing !== undefined && !outgoing.headersSent) outgoing.setHeader(name, value);
	else c.header(name, value);
}
