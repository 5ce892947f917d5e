import { hfSentimentModel } from '../../families/hf-inference';

/** Two classes only (POSITIVE/NEGATIVE): never answers neutral. */
export const hfDistilbertSst2 = hfSentimentModel({
  id: 'hf-distilbert-sst2',
  name: 'HF: DistilBERT SST-2',
  model: 'distilbert/distilbert-base-uncased-finetuned-sst-2-english',
  tier: 'low',
  verified: true,
});
