import { describe, expect, it } from 'vitest';
import { localJson, withLocal } from './local';
import type { HttpRequest, Transport } from './index';

const abort = { signal: new AbortController().signal };
const get = (url: string): HttpRequest => ({ url, method: 'GET', headers: {} });

describe('withLocal', () => {
  const seen: string[] = [];
  const network: Transport = { fetch: async (r) => (seen.push(r.url), { status: 200, headers: {}, body: 'net' }) };
  const t = withLocal(network, { lexicon: (r) => localJson(200, { url: r.url }) });

  it('answers local:// URLs in-process and sends everything else to the network', async () => {
    expect(await t.fetch(get('local://lexicon/classify'), abort)).toEqual({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"url":"local://lexicon/classify"}' });
    expect((await t.fetch(get('https://example.com/x'), abort)).body).toBe('net');
    expect(seen).toEqual(['https://example.com/x']);
  });

  it('fails like a refused connection for an unknown local host, never reaching the network', async () => {
    await expect(t.fetch(get('local://nobody/classify'), abort)).rejects.toThrow(/no local handler/);
    await expect(t.fetch(get('local://__proto__/x'), abort)).rejects.toThrow(/no local handler/);
    expect(seen).toEqual(['https://example.com/x']);
  });
});
