import { DataType, encodeModel } from './onnx';

/**
 * A tiny three-label sentiment classifier built by the test itself: input_ids -> Gather(embedding)
 * -> ReduceSum over the sequence -> MatMul -> Add -> logits. Each known word's embedding points
 * "positive" or "negative"; the weights turn the summed direction into NEGATIVE/NEUTRAL/POSITIVE,
 * and text with no known word falls to NEUTRAL through the bias. Shaped like a DistilBERT
 * sequence classifier, so transformers' text-classification pipeline runs it unchanged.
 */
export const POSITIVE_WORDS = ['good', 'great', 'moon', 'rally', 'bullish'] as const;
export const NEGATIVE_WORDS = ['bad', 'crash', 'hack', 'rekt', 'bearish'] as const;
const OTHER_WORDS = ['the', 'is', 'a', 'bitcoin', 'to', 'price', 'market'] as const;

export function tinyModelFiles(): Record<string, string | Uint8Array> {
  const vocab = ['[PAD]', '[UNK]', ...POSITIVE_WORDS, ...NEGATIVE_WORDS, ...OTHER_WORDS];
  const embedding = vocab.flatMap((w) => ((POSITIVE_WORDS as readonly string[]).includes(w) ? [1, 0] : (NEGATIVE_WORDS as readonly string[]).includes(w) ? [0, 1] : [0, 0]));
  const model = encodeModel({
    nodes: [
      { op: 'Gather', inputs: ['embedding', 'input_ids'], outputs: ['embedded'], attrs: [{ name: 'axis', i: 0 }] },
      { op: 'ReduceSum', inputs: ['embedded', 'seq_axis'], outputs: ['pooled'], attrs: [{ name: 'keepdims', i: 0 }] },
      { op: 'MatMul', inputs: ['pooled', 'classifier_w'], outputs: ['projected'] },
      { op: 'Add', inputs: ['projected', 'classifier_b'], outputs: ['logits'] },
    ],
    initializers: [
      { name: 'embedding', dims: [vocab.length, 2], type: DataType.FLOAT, values: embedding },
      { name: 'seq_axis', dims: [1], type: DataType.INT64, values: [1] },
      // Rows: the positive and negative directions; columns: NEGATIVE, NEUTRAL, POSITIVE.
      { name: 'classifier_w', dims: [2, 3], type: DataType.FLOAT, values: [-2, 0, 2, 2, 0, -2] },
      { name: 'classifier_b', dims: [3], type: DataType.FLOAT, values: [0, 0.5, 0] },
    ],
    inputs: [
      { name: 'input_ids', type: DataType.INT64, shape: ['batch', 'sequence'] },
      { name: 'attention_mask', type: DataType.INT64, shape: ['batch', 'sequence'] },
    ],
    outputs: [{ name: 'logits', type: DataType.FLOAT, shape: ['batch', 3] }],
  });
  const special = (id: number, content: string) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [special(0, '[PAD]'), special(1, '[UNK]')],
    normalizer: { type: 'Lowercase' },
    pre_tokenizer: { type: 'Whitespace' },
    post_processor: null,
    decoder: null,
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: Object.fromEntries(vocab.map((w, i) => [w, i])) },
  };
  const config = {
    model_type: 'distilbert',
    architectures: ['DistilBertForSequenceClassification'],
    id2label: { 0: 'NEGATIVE', 1: 'NEUTRAL', 2: 'POSITIVE' },
    label2id: { NEGATIVE: 0, NEUTRAL: 1, POSITIVE: 2 },
  };
  const tokenizerConfig = { tokenizer_class: 'DistilBertTokenizer', model_max_length: 64, pad_token: '[PAD]', unk_token: '[UNK]', do_lower_case: true };
  return {
    'config.json': JSON.stringify(config),
    'tokenizer.json': JSON.stringify(tokenizer),
    'tokenizer_config.json': JSON.stringify(tokenizerConfig),
    // The name the q8 dtype asks for; the graph itself is plain float (the loader does not care).
    'onnx/model_quantized.onnx': model,
  };
}
