import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../proxy/app';
import { createProxyEngine } from '../../proxy/engine';
import { allProviders } from '../../shared/catalog/registry';
import type { Engine } from '../../shared/engine';
import { sentimentEnsemble } from '../../shared/sentiment/ensemble';
import { startSimulator, type Simulator } from '../sim/server';

// The text-sentiment pool against the loopback simulator. Hosted models' answers here are built
// by the test (setAnswer: HF's documented text-classification shape, one score list per input),
// not recordings; the lexicon answers in-process.
const TOKEN = 'hf_test_token_never_shown_0123456789';
const MODELS = {
  huggingface: 'cardiffnlp/twitter-roberta-base-sentiment-latest',
  'hf-cardiffnlp-twitter-roberta': 'cardiffnlp/twitter-roberta-base-sentiment-latest',
  'hf-finbert': 'ProsusAI/finbert',
  'hf-distilbert-sst2': 'distilbert/distilbert-base-uncased-finetuned-sst-2-english',
} as const;
type HfId = keyof typeof MODELS;
const HF_IDS = Object.keys(MODELS) as HfId[];
const TEXTS = ['Bitcoin rallies to a record high as ETF inflows surge', 'Exchange hacked, withdrawals halted'];

let sim: Simulator;
let engines: Engine[] = [];

/** A test-built HF answer: per text, the given label with `score`, the rest sharing what is left. */
const hfAnswer = (labels: readonly string[], score: number, others: readonly string[]) =>
  labels.map((label) => [{ label, score }, ...others.filter((o) => o !== label).map((o) => ({ label: o, score: (1 - score) / (others.length - 1) }))]);

function answerAs(id: HfId, labels: readonly string[], score: number): void {
  const scheme = id === 'hf-distilbert-sst2' ? ['POSITIVE', 'NEGATIVE'] : ['positive', 'neutral', 'negative'];
  const mapped = id === 'hf-distilbert-sst2' ? labels.map((l) => l.toUpperCase()) : labels;
  sim.setAnswer(id, `/models/${MODELS[id]}`, hfAnswer(mapped, score, scheme));
}

async function engine(withToken = true): Promise<Engine> {
  const env: Record<string, string> = { CM_BASE_URLS: JSON.stringify({ '*': `${sim.url}/{id}` }) };
  if (withToken) env.HUGGINGFACE_TOKEN = TOKEN;
  const e = await createProxyEngine({ env });
  engines.push(e);
  return e;
}

beforeAll(async () => {
  sim = await startSimulator({ providers: allProviders() });
});
afterEach(async () => {
  sim.clearFaults();
  for (const id of HF_IDS) sim.setAnswer(id, `/models/${MODELS[id]}`, undefined);
  await Promise.all(engines.map((e) => e.close()));
  engines = [];
});
afterAll(() => sim.close());

describe('the text-sentiment pool', () => {
  it('falls back to the next model while one answers 503 "currently loading", and lets it cool', async () => {
    for (const id of HF_IDS) answerAs(id, ['positive', 'negative'], 0.9);
    sim.setFault('huggingface', { kind: 'loading', retryAfterS: 20 });
    const e = await engine();
    const first = await e.get('text-sentiment', { texts: TEXTS });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.source).not.toBe('huggingface');
    expect(HF_IDS).toContain(first.source);
    expect(first.attempts[0]).toMatchObject({ provider: 'huggingface', outcome: 'rate_limited' });
    expect(first.data.map((r) => r.label)).toEqual(['positive', 'negative']);
    // Loading is a wait, not a fault: the breaker stays closed and the model is not asked again
    // until its estimated time has passed.
    expect(e.runtime('huggingface')?.breaker.state).toBe('closed');
    const asked = sim.requests('huggingface');
    const second = await e.get('text-sentiment', { texts: ['Solana surges'] }, { fresh: true });
    expect(second.ok && second.source).not.toBe('huggingface');
    expect(sim.requests('huggingface')).toBe(asked);
  });

  it('falls back past models that error down to the offline lexicon', async () => {
    for (const id of HF_IDS) sim.setFault(id, { kind: 'server_error' });
    const e = await engine();
    const answer = await e.get('text-sentiment', { texts: TEXTS });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.source).toBe('lexicon');
    expect(answer.attempts.filter((a) => a.outcome !== 'ok').map((a) => a.provider).sort()).toEqual([...HF_IDS].sort());
    expect(answer.data).toEqual([
      { label: 'positive', score: expect.any(Number), model: 'crypto-lexicon' },
      { label: 'negative', score: expect.any(Number), model: 'crypto-lexicon' },
    ]);
  });

  it('answers from the lexicon alone, with no network, when no token is set', async () => {
    sim.resetCounts();
    const e = await engine(false);
    const answer = await e.get('text-sentiment', { texts: ['DeFi protocol drained in exploit'] });
    expect(answer.ok && answer.source).toBe('lexicon');
    expect(answer.ok && answer.data[0]?.label).toBe('negative');
    expect(sim.requests()).toBe(0);
  });
});

describe('the sentiment ensemble', () => {
  it('asks every available model and reports each vote and the share agreeing', async () => {
    answerAs('huggingface', ['positive', 'negative'], 0.9);
    answerAs('hf-cardiffnlp-twitter-roberta', ['positive', 'negative'], 0.8);
    answerAs('hf-finbert', ['negative', 'neutral'], 0.7);
    answerAs('hf-distilbert-sst2', ['positive', 'negative'], 0.6);
    const out = await sentimentEnsemble(await engine(), TEXTS);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.value.models.map((m) => m.source).sort()).toEqual([...HF_IDS, 'lexicon'].sort());
    expect(out.value.models.every((m) => m.ok)).toBe(true);
    const [first, second] = out.value.items;
    // Text 1: four of five say positive (FinBERT says negative).
    expect(first).toMatchObject({ text: TEXTS[0], label: 'positive', agreement: 0.8 });
    expect(first?.votes).toHaveLength(5);
    expect(first?.votes.find((v) => v.source === 'hf-finbert')).toMatchObject({ label: 'negative', score: 0.7, model: 'ProsusAI/finbert' });
    expect(first?.score).toBeCloseTo((0.9 + 0.8 + 0.6 + (first?.votes.find((v) => v.source === 'lexicon')?.score ?? 0)) / 4, 6);
    // Text 2: FinBERT says neutral, the other four negative.
    expect(second).toMatchObject({ label: 'negative', agreement: 0.8 });
    expect(second?.votes.find((v) => v.source === 'hf-finbert')?.label).toBe('neutral');
  });

  it('leaves out a loading model and says why, agreeing over the models that answered', async () => {
    for (const id of HF_IDS) answerAs(id, ['positive', 'positive'], 0.9);
    sim.setFault('hf-finbert', { kind: 'loading' });
    const out = await sentimentEnsemble(await engine(), TEXTS);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.value.models.find((m) => m.source === 'hf-finbert')).toMatchObject({ ok: false, error: expect.stringContaining('rate_limited') });
    // Text 2: three hosted models say positive, the lexicon says negative: 3 of 4.
    expect(out.value.items[1]).toMatchObject({ label: 'positive', agreement: 0.75 });
    expect(out.value.items[1]?.votes.map((v) => v.source)).not.toContain('hf-finbert');
  });
});

describe('the sentiment routes', () => {
  it('POST /api/resources/sentiment/analyze answers the ensemble; bad bodies get a 400', async () => {
    for (const id of HF_IDS) answerAs(id, ['positive', 'negative'], 0.9);
    const app = createApp({ startedAt: Date.now(), version: 't', engine: await engine(), rateLimit: { perMinute: 10_000 } });
    const res = await app.request('/api/resources/sentiment/analyze', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ texts: TEXTS }) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: Array<{ label: string; agreement: number }> };
    expect(body.items.map((i) => i.label)).toEqual(['positive', 'negative']);
    for (const bad of [{}, { texts: [] }, { texts: [''] }, { texts: 'x' }, { texts: ['a'], extra: 1 }]) {
      const r = await app.request('/api/resources/sentiment/analyze', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(bad) });
      expect(r.status).toBe(400);
      expect(await r.json()).toMatchObject({ error: expect.any(String) });
    }
  });

  it('GET /api/reports/models lists every model with state and whether a key is present, never the key', async () => {
    const e = await engine();
    await e.get('text-sentiment', { texts: ['bitcoin to the moon'] });
    const app = createApp({ startedAt: Date.now(), version: 't', engine: e, rateLimit: { perMinute: 10_000 } });
    const res = await app.request('/api/reports/models');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(TOKEN);
    const body = JSON.parse(text) as { models: Array<{ id: string; runs: string; keyPresent: boolean; keyRequired: boolean; state: string; requests: number }> };
    // api-ninjas offers text-sentiment too; without its key it is listed but never asked.
    expect(body.models.map((m) => m.id).sort()).toEqual(['api-ninjas', ...HF_IDS, 'lexicon'].sort());
    expect(body.models.find((m) => m.id === 'api-ninjas')).toMatchObject({ keyPresent: false, keyRequired: true, requests: 0 });
    expect(body.models.find((m) => m.id === 'lexicon')).toMatchObject({ runs: 'local', keyPresent: false, keyRequired: false, state: 'closed' });
    expect(body.models.find((m) => m.id === 'huggingface')).toMatchObject({ runs: 'remote', keyPresent: true, keyRequired: true });
    expect(body.models.reduce((n, m) => n + m.requests, 0)).toBeGreaterThan(0);
  });
});
