import { describe, expect, it } from 'vitest';
import { NewUserProvider } from '../../../../shared/api/rest';
import { emptyProvider, parseImport, validateProvider, withFamily, type ProviderDraft } from './form';

const good: ProviderDraft = { id: 'my-feed', name: ' My feed ', category: 'market', baseUrl: 'https://api.example.com/v1', docs: 'https://example.com/docs', capabilities: ['price', 'price', 'markets'], family: '', chain: 'ethereum', feedPath: '/feed' };
const taken = new Set(['coingecko']);

describe('validateProvider', () => {
  it('gives a provider the API accepts, trimmed and without repeated capabilities', () => {
    const r = validateProvider(good, taken);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual({ id: 'my-feed', name: 'My feed', category: 'market', baseUrl: 'https://api.example.com/v1', docs: 'https://example.com/docs', capabilities: ['price', 'markets'] });
    expect(NewUserProvider.safeParse(r.value).success).toBe(true);
  });

  it('an empty form names every missing field', () => {
    const r = validateProvider(emptyProvider(), taken);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      id: 'catalog.err.idRequired',
      name: 'catalog.err.nameRequired',
      category: 'catalog.err.category',
      baseUrl: 'catalog.err.urlRequired',
      docs: 'catalog.err.urlRequired',
      capabilities: 'catalog.err.capabilities',
    });
  });

  it('refuses taken or malformed ids, plain http, credentials in URLs and non-URLs', () => {
    const errors = (patch: Partial<ProviderDraft>) => {
      const r = validateProvider({ ...good, ...patch }, taken);
      return r.ok ? {} : r.errors;
    };
    expect(errors({ id: 'coingecko' }).id).toBe('catalog.err.idTaken');
    expect(errors({ id: 'My_Feed' }).id).toBe('catalog.err.idPattern');
    expect(errors({ baseUrl: 'http://api.example.com' }).baseUrl).toBe('catalog.err.https');
    expect(errors({ baseUrl: 'https://user:pw@api.example.com' }).baseUrl).toBe('catalog.err.credentials');
    expect(errors({ docs: 'not a url' }).docs).toBe('catalog.err.https');
  });
});

describe('templates', () => {
  it('a JSON-RPC node template sets its category and capabilities and is sent with the provider', () => {
    const draft = withFamily({ ...good, chain: 'base' }, 'jsonrpc');
    expect(draft).toMatchObject({ category: 'rpc', capabilities: ['block-height', 'gas', 'balance'] });
    const r = validateProvider(draft, new Set());
    expect(r.ok && r.value.template).toEqual({ family: 'jsonrpc', chain: 'base' });
  });

  it('refuses a feed path without a leading slash and a template that does not fit the capabilities', () => {
    const rss = withFamily(good, 'rss');
    expect(validateProvider({ ...rss, feedPath: 'feed' }, new Set())).toEqual({ ok: false, errors: { feedPath: 'catalog.err.feedPath' } });
    expect(validateProvider({ ...rss, capabilities: ['price'] }, new Set())).toEqual({ ok: false, errors: { family: 'catalog.err.template' } });
  });
});

describe('parseImport', () => {
  it('reads an export document', () => {
    const r = parseImport('{"format":"crypto-monitor","version":1,"providers":[],"pools":[{"id":"x"}]}');
    expect(r.ok && r.value.pools).toEqual([{ id: 'x' }]);
  });

  it('says why a file cannot be imported', () => {
    const problem = (text: string) => {
      const r = parseImport(text);
      return r.ok ? undefined : r.problem.key;
    };
    expect(problem('  ')).toBe('catalog.import.empty');
    expect(problem('{"providers": [')).toBe('catalog.import.badJson');
    expect(problem('[1,2]')).toBe('catalog.import.notExport');
    expect(problem('{"hello":1}')).toBe('catalog.import.notExport');
    expect(problem('{"providers":"all"}')).toBe('catalog.import.notExport');
    const bad = parseImport('{oops}');
    expect(!bad.ok && bad.problem.key === 'catalog.import.badJson' && bad.problem.detail.length > 0).toBe(true);
  });
});
