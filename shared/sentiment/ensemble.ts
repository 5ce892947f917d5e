import type { Engine } from '../engine/engine';
import type { SentimentResult } from '../model';
import type { z } from 'zod';
import type { EnsembleItem, SentimentEnsembleT, SentimentVote } from './schema';

type Vote = z.infer<typeof SentimentVote>;
type Item = z.infer<typeof EnsembleItem>;
type Label = Vote['label'];

const LABELS: readonly Label[] = ['positive', 'neutral', 'negative'];

/**
 * Combines the models' votes on one text: each vote weighs its confidence, the label with the
 * most weight wins (a tie is neutral: models split down the middle are not a view), and agreement is the share of votes (not weight) for the winner, so
 * "2 of 3 models agree" reads the same as the number shown.
 */
export function combineVotes(text: string, votes: readonly Vote[]): Item {
  if (votes.length === 0) return { text, label: 'neutral', score: 0, agreement: 0, votes: [] };
  const weight: Record<Label, number> = { positive: 0, neutral: 0, negative: 0 };
  for (const v of votes) weight[v.label] += v.score;
  const top = Math.max(weight.positive, weight.neutral, weight.negative);
  const tied = LABELS.filter((l) => weight[l] >= top - 1e-9);
  const label: Label = tied.length === 1 ? (tied[0] as Label) : 'neutral';
  const agreeing = votes.filter((v) => v.label === label);
  const score = agreeing.length === 0 ? 0 : agreeing.reduce((s, v) => s + v.score, 0) / agreeing.length;
  return { text, label, score, agreement: agreeing.length / votes.length, votes: [...votes] };
}

/** One model's answers (aligned with the texts) -> the ensemble over all texts. */
export function combine(texts: readonly string[], answers: ReadonlyArray<{ source: string; results: readonly SentimentResult[] }>): Item[] {
  return texts.map((text, i) =>
    combineVotes(
      text,
      answers.flatMap((a) => {
        const r = a.results[i];
        return r ? [{ source: a.source, model: r.model, label: r.label, score: r.score }] : [];
      }),
    ),
  );
}

export type EnsembleOutcome = { ok: true; value: SentimentEnsembleT } | { ok: false; code: 'bad_params' | 'no_provider' | 'all_failed'; message: string };

/**
 * Asks every available model of the text-sentiment pool at once (lexicon, hosted models with a
 * key, the in-browser model when enabled) and combines their answers.
 */
export async function sentimentEnsemble(engine: Engine, texts: readonly string[], options: { deadlineMs?: number } = {}): Promise<EnsembleOutcome> {
  const fan = await engine.fanOut('text-sentiment', { texts: [...texts] }, options);
  if (!fan.ok) return fan;
  const models = fan.answers.map((a) =>
    a.ok ? { source: a.source, ok: true, latencyMs: a.latencyMs } : { source: a.record.provider, ok: false, latencyMs: a.record.latencyMs, error: `${a.record.outcome}${a.record.message ? `: ${a.record.message}` : ''}` },
  );
  const answered = fan.answers.flatMap((a) => (a.ok ? [{ source: a.source, results: a.value }] : []));
  if (answered.length === 0) return { ok: false, code: 'all_failed', message: `no model answered: ${models.map((m) => `${m.source} (${m.error ?? 'failed'})`).join('; ')}` };
  // When the last model answered (the engine's clock, not this module's).
  const ts = Math.max(...fan.answers.map((a) => (a.ok ? a.at : 0)));
  return { ok: true, value: { items: combine(texts, answered), models, ts } };
}
