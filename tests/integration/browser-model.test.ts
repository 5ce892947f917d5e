import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadClassifier, type LoadProgress } from '../../worker/sentiment/pipeline';
import { tinyModelFiles } from './tiny-model/build';
import { startTinyHub, type TinyHub } from './tiny-model/hub';

// The in-browser model's loading and pipeline code (the worker's own module), run on a model the
// test builds and serves from loopback: nothing is downloaded from the internet.
const MODEL = 'test-org/tiny-crypto-sentiment';
let hub: TinyHub;
let cacheDir: string;

beforeAll(async () => {
  hub = await startTinyHub(MODEL, tinyModelFiles());
  cacheDir = mkdtempSync(join(tmpdir(), 'cm-tiny-model-'));
});
afterAll(async () => {
  await hub.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('the in-browser sentiment model loader', () => {
  it('downloads the model from the configured hub, reports progress and classifies with its weights', async () => {
    const progress: LoadProgress[] = [];
    const classify = await loadClassifier({ model: MODEL, remoteHost: hub.url, cacheDir, onProgress: (p) => progress.push(p) });
    const verdicts = await classify(['bitcoin to the moon great rally', 'exchange hack and crash rekt', 'the price is a number', 'Bullish market']);
    expect(verdicts.map((v) => v.label)).toEqual(['positive', 'negative', 'neutral', 'positive']);
    for (const v of verdicts) {
      expect(v.score).toBeGreaterThan(0.34);
      expect(v.score).toBeLessThanOrEqual(1);
    }
    // Softmax of the built logits: "great rally moon" sums to (3, 0) -> logits (-6, 0.5, 6).
    expect(verdicts[0]?.score).toBeCloseTo(Math.exp(6) / (Math.exp(-6) + Math.exp(0.5) + Math.exp(6)), 4);
    expect(hub.requests.some((p) => p.endsWith('/onnx/model_quantized.onnx'))).toBe(true);
    expect(progress.some((p) => p.status === 'ready' || p.status === 'done')).toBe(true);
  });

  it('loads again from its cache, with no second download', async () => {
    const before = hub.requests.length;
    expect(before).toBeGreaterThan(0);
    const classify = await loadClassifier({ model: MODEL, remoteHost: hub.url, cacheDir });
    expect((await classify(['bad bearish crash']))[0]?.label).toBe('negative');
    // Every file came from the cache: the hub saw no request at all.
    expect(hub.requests.slice(before)).toEqual([]);
  });

  it('fails with a clear error when the model is not on the hub', async () => {
    await expect(loadClassifier({ model: 'test-org/absent', remoteHost: hub.url, cacheDir })).rejects.toThrow();
  });
});
