import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';
import { canonicalLabel } from './labels';

const Score = z.object({ label: z.string(), score: z.number().min(0).max(1) });
/**
 * One inner list of label scores per input (the usual answer for a list of inputs); a flat list
 * is one input's scores when a single text was sent, or each input's top label otherwise.
 */
const Body = z.union([z.array(z.array(Score)), z.array(Score)]);

const best = (scores: readonly z.infer<typeof Score>[], model: string) => {
  let top: { label: 'positive' | 'neutral' | 'negative'; score: number } | undefined;
  for (const s of scores) {
    const label = canonicalLabel(s.label);
    if (label && (!top || s.score > top.score)) top = { label, score: s.score };
  }
  return top ? { ...top, model } : unsupported(`${model} answered no known sentiment label (${scores.map((s) => s.label).join(', ')})`);
};

export const textSentiment = (model: string) =>
  defineCapability('text-sentiment', {
    request: ({ texts }) => ({ path: `/models/${model}`, method: 'POST', body: { inputs: texts } }),
    response: Body,
    transform: (raw, { texts }) => {
      const perInput = raw.every((r) => Array.isArray(r))
        ? (raw as z.infer<typeof Score>[][])
        : texts.length === 1
          ? [raw as z.infer<typeof Score>[]]
          : (raw as z.infer<typeof Score>[]).map((s) => [s]);
      if (perInput.length !== texts.length) return unsupported(`${model} answered ${perInput.length} results for ${texts.length} texts`);
      return perInput.map((scores) => best(scores, model));
    },
  });
