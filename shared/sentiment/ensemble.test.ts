import { describe, expect, it } from 'vitest';
import { Engine, FakeClock, MemoryStore, noSecrets, SeededRandom } from '../engine';
import { withLocal } from '../engine/ports/local';
import { combine, combineVotes, sentimentEnsemble } from './ensemble';
import { lexiconProvider, localHandlers } from './index';
import { localSentimentProvider, sentimentHandler } from './local-provider';

const vote = (source: string, label: 'positive' | 'neutral' | 'negative', score: number) => ({ source, model: source, label, score });

describe('combineVotes', () => {
  it('takes the label with the most confidence and the share of votes agreeing', () => {
    const item = combineVotes('t', [vote('a', 'positive', 0.9), vote('b', 'positive', 0.7), vote('c', 'negative', 0.95)]);
    expect(item).toMatchObject({ label: 'positive', agreement: 2 / 3 });
    expect(item.score).toBeCloseTo(0.8, 9);
  });

  it('weighs confidence: one sure vote beats two unsure ones', () => {
    expect(combineVotes('t', [vote('a', 'negative', 0.99), vote('b', 'positive', 0.4), vote('c', 'positive', 0.45)]).label).toBe('negative');
  });

  it('calls a tie neutral, and no votes neutral with no agreement', () => {
    expect(combineVotes('t', [vote('a', 'positive', 0.8), vote('b', 'negative', 0.8)])).toMatchObject({ label: 'neutral', agreement: 0, score: 0 });
    expect(combineVotes('t', [])).toEqual({ text: 't', label: 'neutral', score: 0, agreement: 0, votes: [] });
  });

  it('lines up each model`s answers with the texts', () => {
    const items = combine(['x', 'y'], [
      { source: 'a', results: [{ label: 'positive', score: 1, model: 'm' }, { label: 'negative', score: 1, model: 'm' }] },
      { source: 'b', results: [{ label: 'positive', score: 1, model: 'n' }, { label: 'positive', score: 0.5, model: 'n' }] },
    ]);
    expect(items.map((i) => [i.text, i.label, i.agreement])).toEqual([
      ['x', 'positive', 1],
      ['y', 'negative', 0.5],
    ]);
  });
});

describe('sentimentEnsemble over an engine', () => {
  const build = (extra: Parameters<typeof sentimentHandler>[0]) => {
    const clock = new FakeClock(Date.parse('2026-01-01T00:00:00Z'));
    const other = localSentimentProvider({ id: 'other', name: 'Other', host: 'other', model: 'other-model', docs: 'x', tier: 'medium' });
    const transport = withLocal({ fetch: () => Promise.reject(new Error('no network in this test')) }, { ...localHandlers(), other: sentimentHandler(extra) });
    return new Engine({ providers: [lexiconProvider, other], ports: { clock, random: new SeededRandom(1), transport, store: new MemoryStore(), secrets: noSecrets } });
  };

  it('asks both local models and reports each vote with its source', async () => {
    const engine = build((texts) => texts.map(() => ({ label: 'negative' as const, score: 0.6 })));
    const out = await sentimentEnsemble(engine, ['bitcoin to the moon 🚀']);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.value.items[0]?.votes.map((v) => [v.source, v.model, v.label])).toEqual(
      expect.arrayContaining([
        ['lexicon', 'crypto-lexicon', 'positive'],
        ['other', 'other-model', 'negative'],
      ]),
    );
    expect(out.value.items[0]?.agreement).toBe(0.5);
  });

  it('keeps answering when one model throws, and says which failed', async () => {
    const engine = build(() => {
      throw new Error('model crashed');
    });
    const out = await sentimentEnsemble(engine, ['exchange hacked']);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.value.models.find((m) => m.source === 'other')).toMatchObject({ ok: false });
    expect(out.value.items[0]).toMatchObject({ label: 'negative', agreement: 1 });
  });

  it('refuses bad params', async () => {
    const out = await sentimentEnsemble(build(() => []), []);
    expect(out).toMatchObject({ ok: false, code: 'bad_params' });
  });
});
