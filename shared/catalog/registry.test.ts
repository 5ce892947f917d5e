import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { allProviders, PROVIDER_IDS, PROVIDERS } from './registry';

describe('the provider registry', () => {
  it('registers every provider folder under its own id', () => {
    const folders = readdirSync(new URL('./providers/', import.meta.url), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect([...PROVIDER_IDS].sort()).toEqual(folders);
    for (const id of PROVIDER_IDS) expect(PROVIDERS[id].id).toBe(id);
  });

  it('has no duplicate ids', () => {
    expect(new Set(allProviders().map((p) => p.id)).size).toBe(PROVIDER_IDS.length);
  });
});
