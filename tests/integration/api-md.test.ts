import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_MD, apiMarkdown } from '../../proxy/cli/api-md';
import { OPERATIONS } from '../../shared/api/rest';

describe('docs/API.md', () => {
  it('is what `npm run docs:api` writes from the current contract (run it after changing a route)', () => {
    expect(readFileSync(API_MD, 'utf8')).toBe(apiMarkdown());
  });

  it('lists every operation', () => {
    const md = apiMarkdown();
    for (const op of OPERATIONS) expect(md).toContain(`\`${op.method.toUpperCase()} ${op.path}\``);
  });
});
