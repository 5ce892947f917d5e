import { hfSentimentModel, SENTIMENT_MODELS } from '../../families/hf-inference';

/** Hugging Face Inference sentiment with the first listed model; per-model providers are hf-*. */
export const huggingface = hfSentimentModel({ id: 'huggingface', name: 'Hugging Face Inference', model: SENTIMENT_MODELS[0], tier: 'high', weight: 2, verified: true });
