import type { HttpResponse, Transport } from '../../shared/engine/ports';

/** Largest body read from a provider (or the relay); bigger answers are refused, not buffered. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** `fetch` bound to the global scope (an unbound reference throws "Illegal invocation" in browsers). */
export const globalFetch: FetchLike = (input, init) => globalThis.fetch(input, init);

/**
 * The browser's own network: a CORS request with no cookies and no referrer, so a provider learns
 * nothing about the page but the request itself. Any HTTP status resolves; network errors and
 * aborts reject, as the engine's Transport port expects.
 */
export function directTransport(fetchImpl: FetchLike = globalFetch): Transport {
	return {
		async fetch(request, { signal }): Promise<HttpResponse> {
			const res = await fetchImpl(request.url, {
				method: request.method,
				headers: request.headers,
				...(request.body === undefined ? {} : { body: request.body }),
				signal,
				mode: 'cors',
				credentials: 'omit',
				referrerPolicy: 'no-referrer',
				redirect: 'follow',
			});
			const declared = Number(res.headers.get('content-length') ?? '0');
			if (declared > MAX_BODY_BYTES) {
				await res.body?.cancel();
				throw new Error(`response too large (${declared} bytes)`);
			}
			const body = await res.text();
			if (body.length > MAX_BODY_BYTES) throw new Error(`response too large (${body.length} characters)`);
			const headers: Record<string, string> = {};
			res.headers.forEach((value, name) => {
				headers[name.toLowerCase()] = value;
			});
			return { status: res.status, headers, body };
		},
	};
}
