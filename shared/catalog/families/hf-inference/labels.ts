import type { SentimentResult } from '../../../model';

type Label = SentimentResult['label'];

/**
 * Label names models answer with, mapped to the canonical three. cardiffnlp's older
 * twitter-roberta-base-sentiment says LABEL_0/1/2 (negative/neutral/positive); the "-latest"
 * model and ProsusAI/finbert say lowercase names; SST-2 models say POSITIVE/NEGATIVE.
 */
const LABELS: Readonly<Record<string, Label>> = {
  label_0: 'negative',
  label_1: 'neutral',
  label_2: 'positive',
  negative: 'negative',
  neutral: 'neutral',
  positive: 'positive',
  neg: 'negative',
  neu: 'neutral',
  pos: 'positive',
};

export const canonicalLabel = (label: string): Label | undefined => LABELS[label.trim().toLowerCase()];
