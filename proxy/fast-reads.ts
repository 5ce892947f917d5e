import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Metrics } from './metrics';
import { clientAddress, type ClientBuckets } from './middleware/rate-limit';
import { BASE_SECURITY_HEADERS, type CorsPolicy } from './middleware/security';
import { DATA_ROUTE, JSON_TYPE, type AnswerBytes } from './routes/data';

export interface FastReadsOptions {
	/** The data route's answer bytes (the same instance `dataRoutes` fills). */
	readonly bytes: AnswerBytes;
	/** The per-IP buckets the API's rate limit takes from. */
	readonly buckets: ClientBuckets;
	readonly metrics: Metrics;
	readonly cors: CorsPolicy;
	readonly trustProxy: boolean;
	readonly now: () => number;
}

const PREFIX = '/api/data/';
/** The headers every fast read starts with, as name, value, name, value … (Node takes a flat list). */
const COMMON: readonly string[] = [...Object.entries(BASE_SECURITY_HEADERS).flat(), ...Object.entries(JSON_TYPE).flat()];
/** Host headers @hono/node-server takes as they are (others it parses, and may refuse with a 400). */
const PLAIN_HOST = /^[a-z0-9._-]+(?::(?:[1-5]\d{3,4}|[6-9]\d{3}))?$/;

/**
 * Repeated data reads answered at the node server, before the framework.
 *
 * Many clients polling the same few answers is the proxy's main load. A `GET /api/data/…` whose
 * bytes the data route made less than a second ago (`AnswerBytes`) is written out here with the
 * headers the middleware chain would give it (security, CORS, rate limit) and counted in the
 * same metrics; a Hono request, context, middleware chain and response object per read would cost
 * more than the rest of serving it. Anything else, including a client whose rate limit is spent,
 * goes on to the Hono app unchanged, and a test holds the two paths to the same headers and body.
 */
export class FastReads {
	readonly #o: FastReadsOptions;

	constructor(options: FastReadsOptions) {
		this.#o = options;
	}

	/** `next` with fast reads in front. */
	listener(next: RequestListener): RequestListener {
		return (req, res) => {
			if (!this.#serve(req, res)) next(req, res);
		};
	}

	/** Answers `req` from the answer bytes when it can: true when it did. */
	#serve(req: IncomingMessage, res: ServerResponse): boolean {
		const target = req.url;
		if (req.method !== 'GET' || target === undefined || !target.startsWith(PREFIX)) return false;
		const { headers } = req;
		if (headers.host === undefined || !PLAIN_HOST.test(headers.host)) return false;
		const started = performance.now();
		const { bytes, buckets, metrics, cors, trustProxy, now } = this.#o;
		const body = bytes.get(target);
		if (body === undefined) return false;
		const ip = clientAddress(trustProxy ? (headers['x-forwarded-for'] as string | undefined) : undefined, req.socket.remoteAddress, trustProxy);
		const left = buckets.take(ip, now());
		// Spent: the app answers the 429 (taking from the bucket finds it still empty).
		if (left < 0) return false;
		// A flat list: adding keys one by one to an object turns it into a slow dictionary.
		const out = COMMON.slice();
		cors.headers(headers.origin, 'GET', (name, value) => out.push(name, value));
		out.push('RateLimit-Limit', buckets.limitHeader, 'RateLimit-Remaining', String(left), 'Content-Length', String(Buffer.byteLength(body)));
		res.writeHead(200, out);
		res.end(body);
		metrics.fastRead();
		metrics.observe('GET', DATA_ROUTE, 200, (performance.now() - started) / 1000);
		return true;
	}
}
