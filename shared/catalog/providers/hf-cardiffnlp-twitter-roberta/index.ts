import { hfSentimentModel } from '../../families/hf-inference';

export const hfCardiffnlpTwitterRoberta = hfSentimentModel({
  id: 'hf-cardiffnlp-twitter-roberta',
  name: 'HF: cardiffnlp twitter-roberta sentiment',
  model: 'cardiffnlp/twitter-roberta-base-sentiment-latest',
  verified: true,
});
