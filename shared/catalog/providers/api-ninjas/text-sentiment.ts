import { z } from 'zod';
import { defineCapability } from '../../define';

// score is a compound polarity in [-1, 1]; sentiment is one of five labels.
const Body = z.object({
  score: z.number().min(-1).max(1),
  sentiment: z.enum(['POSITIVE', 'WEAK_POSITIVE', 'NEUTRAL', 'WEAK_NEGATIVE', 'NEGATIVE']),
});

const LABEL = { POSITIVE: 'positive', WEAK_POSITIVE: 'positive', NEUTRAL: 'neutral', WEAK_NEGATIVE: 'negative', NEGATIVE: 'negative' } as const;

/**
 * GET /v1/sentiment?text=…: one text per request, so batches go to a model that takes lists.
 * The canonical score is a confidence: |polarity| for a polar label, 1 - |polarity| for neutral.
 */
export const textSentiment = defineCapability('text-sentiment', {
  request: ({ texts }) => {
    const [text] = texts;
    if (texts.length !== 1 || text === undefined) return 'API Ninjas scores one text per request';
    return { path: '/v1/sentiment', query: { text } };
  },
  response: Body,
  transform: ({ score, sentiment }) => {
    const label = LABEL[sentiment];
    const polarity = Math.abs(score);
    return [{ label, score: label === 'neutral' ? 1 - polarity : polarity, model: 'api-ninjas/sentiment' }];
  },
});
