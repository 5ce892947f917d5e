import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allProviders } from '../../shared/catalog/registry';
import { startSimulator, type Simulator } from './server';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ providers: allProviders().filter((p) => p.id === 'coindesk' || p.id === 'coingecko') });
});
afterAll(() => sim.close());

describe('test-built answers over HTTP (/_sim/answers)', () => {
  it('serves a built text answer with its type until cleared, then the recording again', async () => {
    const feed = '<rss><channel><title>built by this test</title></channel></rss>';
    const recorded = await (await fetch(`${sim.baseUrl('coindesk')}/arc/outboundfeeds/rss/`)).text();
    expect(recorded).not.toBe(feed);
    const set = await fetch(`${sim.url}/_sim/answers`, { method: 'POST', body: JSON.stringify({ provider: 'coindesk', path: '/arc/outboundfeeds/rss/', text: feed, contentType: 'application/rss+xml' }) });
    expect(set.status).toBe(200);
    const built = await fetch(`${sim.baseUrl('coindesk')}/arc/outboundfeeds/rss/?any=query`);
    expect(built.headers.get('content-type')).toBe('application/rss+xml');
    expect(await built.text()).toBe(feed);
    expect((await fetch(`${sim.url}/_sim/answers`, { method: 'DELETE' })).status).toBe(200);
    expect(await (await fetch(`${sim.baseUrl('coindesk')}/arc/outboundfeeds/rss/`)).text()).toBe(recorded);
  });

  it('serves a built JSON answer, as setAnswer does in-process', async () => {
    await fetch(`${sim.url}/_sim/answers`, { method: 'POST', body: JSON.stringify({ provider: 'coingecko', path: '/global', body: { built: 'by this test' } }) });
    const res = await fetch(`${sim.baseUrl('coingecko')}/global`);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ built: 'by this test' });
    sim.setAnswer('coingecko', '/global', { other: 1 });
    expect(await (await fetch(`${sim.baseUrl('coingecko')}/global`)).json()).toEqual({ other: 1 });
    sim.setAnswer('coingecko', '/global', undefined);
    expect(await (await fetch(`${sim.baseUrl('coingecko')}/global`)).json()).not.toEqual({ other: 1 });
  });

  it('refuses a malformed control body with 400', async () => {
    for (const body of ['nope', '{}', '{"provider":"coindesk","path":"no-slash","body":1}', '{"provider":"coindesk","path":"/x","text":"t"}', '{"provider":"coindesk","path":"/x"}']) {
      expect((await fetch(`${sim.url}/_sim/answers`, { method: 'POST', body })).status, body).toBe(400);
    }
  });
});
