import { hfSentimentModel } from '../../families/hf-inference';

/** Financial-news sentiment; answers lowercase positive/negative/neutral. No recording of its own yet. */
export const hfFinbert = hfSentimentModel({ id: 'hf-finbert', name: 'HF: ProsusAI FinBERT', model: 'ProsusAI/finbert' });
