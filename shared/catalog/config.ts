import { z } from 'zod';
import type { ProviderSpec } from '../engine/adapter';

/**
 * Base-URL overrides, so tests, demos and air-gapped deployments point providers at a mirror.
 * `CM_BASE_URLS` holds JSON `{ "<providerId>": "<url>", "*": "<url>/{id}" }`; `*` applies to every
 * provider without its own entry, with `{id}` replaced by the provider id.
 */
export const BaseUrlOverrides = z.record(z.string(), z.url({ protocol: /^https?$/ }));
export type BaseUrlOverrides = z.infer<typeof BaseUrlOverrides>;

export function parseBaseUrlOverrides(json: string | undefined): BaseUrlOverrides {
  if (!json) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error('CM_BASE_URLS is not valid JSON');
  }
  const parsed = BaseUrlOverrides.safeParse(raw);
  if (!parsed.success) throw new Error('CM_BASE_URLS must map provider ids to http(s) URLs');
  return parsed.data;
}

export function withBaseUrls<P extends ProviderSpec>(providers: readonly P[], overrides: BaseUrlOverrides): P[] {
  const wildcard = overrides['*'];
  return providers.map((p) => {
    const url = overrides[p.id] ?? wildcard?.replaceAll('{id}', p.id);
    return url ? { ...p, baseUrl: url.replace(/\/+$/, '') } : p;
  });
}
