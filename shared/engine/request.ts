import type { ProviderSpec, RequestSpec } from './adapter';
import type { HttpRequest } from './ports';

/** Base URL + adapter request + auth -> the HTTP request. The key goes only where the provider declares. */
export function buildHttpRequest(provider: ProviderSpec, spec: RequestSpec, key: string | undefined): HttpRequest {
  let url = provider.baseUrl + spec.path;
  const query = new URLSearchParams();
  if (spec.query) {
    for (const [k, v] of Object.entries(spec.query)) if (v !== undefined) query.append(k, String(v));
  }
  const headers: Record<string, string> = { accept: 'application/json', ...spec.headers };
  const auth = provider.auth;
  if (key !== undefined && auth.kind === 'query') query.set(auth.param, key);
  if (key !== undefined && auth.kind === 'header') headers[auth.param.toLowerCase()] = (auth.prefix ?? '') + key;
  const qs = query.toString();
  if (qs) url += (url.includes('?') ? '&' : '?') + qs;
  const method = spec.method ?? (spec.body === undefined ? 'GET' : 'POST');
  if (spec.body === undefined) return { url, method, headers };
  headers['content-type'] = 'application/json';
  return { url, method, headers, body: JSON.stringify(spec.body) };
}

/** A URL safe to show: the query string is dropped, since keys may ride in it. */
export const redactUrl = (url: string): string => url.split('?')[0] ?? url;
