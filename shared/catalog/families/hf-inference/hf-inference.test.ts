import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../../../model';
import { interpret } from '../../../engine/pipeline';
import { buildHttpRequest } from '../../../engine/request';
import { hfSentimentModel } from './index';

const ctx = { now: Date.parse('2026-01-01T00:00:00Z'), symbolId: () => undefined };
const finbert = hfSentimentModel({ id: 'test-finbert', name: 'FinBERT', model: 'ProsusAI/finbert' });
const adapter = finbert.capabilities['text-sentiment'];
const params = (texts: string[]) => CAPABILITIES['text-sentiment'].params.parse({ texts });
const run = (body: unknown, texts = ['a', 'b'], status = 200) =>
  adapter ? interpret(finbert, adapter, { status, headers: {}, body: JSON.stringify(body) }, params(texts), ctx) : undefined;

describe('hfSentimentModel', () => {
  it('POSTs the texts to the model on the router with a Bearer token', () => {
    const spec = adapter?.request(params(['BTC pumps']), ctx);
    if (spec === undefined || typeof spec === 'string') throw new Error('no request');
    const req = buildHttpRequest(finbert, spec, 'hf_x');
    expect(req).toMatchObject({ url: 'https://router.huggingface.co/hf-inference/models/ProsusAI/finbert', method: 'POST' });
    expect(req.headers.authorization).toBe('Bearer hf_x');
    expect(JSON.parse(req.body ?? '')).toEqual({ inputs: ['BTC pumps'] });
  });

  it('maps every label scheme to positive / neutral / negative, taking the top score per text', () => {
    const body = [
      [{ label: 'LABEL_2', score: 0.7 }, { label: 'LABEL_1', score: 0.2 }, { label: 'LABEL_0', score: 0.1 }],
      [{ label: 'NEGATIVE', score: 0.99 }, { label: 'POSITIVE', score: 0.01 }],
      [{ label: 'neutral', score: 0.5 }, { label: 'negative', score: 0.3 }, { label: 'positive', score: 0.2 }],
    ];
    expect(run(body, ['a', 'b', 'c'])).toEqual({
      ok: true,
      value: [
        { label: 'positive', score: 0.7, model: 'ProsusAI/finbert' },
        { label: 'negative', score: 0.99, model: 'ProsusAI/finbert' },
        { label: 'neutral', score: 0.5, model: 'ProsusAI/finbert' },
      ],
    });
  });

  it('reads a flat list as one text`s scores, or as each text`s top label', () => {
    expect(run([{ label: 'positive', score: 0.1 }, { label: 'negative', score: 0.9 }], ['one'])).toMatchObject({ ok: true, value: [{ label: 'negative', score: 0.9 }] });
    expect(run([{ label: 'positive', score: 0.8 }, { label: 'negative', score: 0.9 }], ['a', 'b'])).toMatchObject({ ok: true, value: [{ label: 'positive' }, { label: 'negative' }] });
  });

  it('refuses answers it cannot line up with the texts or whose labels it does not know', () => {
    expect(run([[{ label: 'positive', score: 1 }]], ['a', 'b'])).toMatchObject({ ok: false, kind: 'unsupported' });
    expect(run([[{ label: 'joy', score: 1 }]], ['a'])).toMatchObject({ ok: false, kind: 'unsupported' });
  });

  it('treats a loading model as a retryable failure', () => {
    const loading = { error: 'Model ProsusAI/finbert is currently loading', estimated_time: 20.0 };
    // At HTTP 503 (how the API says it) and at any other status: a cool-down for as long as the
    // body estimates, not a breaker failure, so the pool's next model answers meanwhile.
    for (const status of [503, 200]) {
      expect(run(loading, ['a'], status)).toEqual({ ok: false, kind: 'rate_limited', message: loading.error, retryAfterMs: 20_000 });
    }
    // A 503 whose body says nothing more stays a server error.
    expect(run({ error: 'Service Unavailable' }, ['a'], 503)).toMatchObject({ ok: false, kind: 'http_5xx' });
  });

  it('classifies bad tokens and throttling', () => {
    expect(run({ error: 'Invalid credentials in Authorization header' }, ['a'], 401)).toMatchObject({ ok: false, kind: 'auth' });
    expect(run({ error: 'Rate limit reached. You reached free usage limit (reset hourly).' }, ['a'], 429)).toMatchObject({ ok: false, kind: 'rate_limited' });
  });
});
