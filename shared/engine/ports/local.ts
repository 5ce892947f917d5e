import type { HttpRequest, HttpResponse, Transport } from './index';

/** Answers one request in-process, as an upstream would (status, headers, body). */
export type LocalHandler = (request: HttpRequest, signal: AbortSignal) => Promise<HttpResponse> | HttpResponse;

export const LOCAL_SCHEME = 'local://';

/**
 * Routes `local://<host>/…` URLs to in-process handlers and everything else to `transport`.
 * Local providers (the lexicon, an in-browser model) then go through the same attempts, limits,
 * breakers and stats as remote ones, with no special case in the engine.
 */
export function withLocal(transport: Transport, handlers: Readonly<Record<string, LocalHandler>>): Transport {
  return {
    async fetch(request, abort) {
      if (!request.url.startsWith(LOCAL_SCHEME)) return transport.fetch(request, abort);
      const rest = request.url.slice(LOCAL_SCHEME.length);
      const host = rest.split(/[/?#]/, 1)[0] ?? '';
      const handler = Object.hasOwn(handlers, host) ? handlers[host] : undefined;
      // An unknown local host behaves like a refused connection: a network failure, never a throw upward.
      if (!handler) throw new Error(`no local handler for ${LOCAL_SCHEME}${host}`);
      return handler(request, abort.signal);
    },
  };
}

/** A JSON answer from a local handler. */
export const localJson = (status: number, body: unknown): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
