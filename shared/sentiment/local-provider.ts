import { z } from 'zod';
import type { Tier } from '../engine/adapter';
import { localJson, LOCAL_SCHEME, type LocalHandler } from '../engine/ports/local';
import { defineCapability, defineProvider, type Provider } from '../catalog/define';
import { SentimentLabel } from '../model/capabilities';

/** What an in-process sentiment model returns for each text. */
export interface LocalVerdict {
  readonly label: z.infer<typeof SentimentLabel>;
  readonly score: number;
}
export type Classifier = (texts: readonly string[], signal: AbortSignal) => Promise<readonly LocalVerdict[]> | readonly LocalVerdict[];

const Verdicts = z.array(z.object({ label: SentimentLabel, score: z.number().min(0).max(1) }));
const Request = z.object({ inputs: z.array(z.string()).min(1) });

export interface LocalSentimentOptions<Id extends string> {
  readonly id: Id;
  readonly name: string;
  /** Host under local:// that the home's withLocal() routes to this model's handler. */
  readonly host: string;
  /** The model name each result carries. */
  readonly model: string;
  readonly docs: string;
  readonly tier: Tier;
}

/**
 * A text-sentiment provider answered in-process (no network): it speaks the same small JSON
 * protocol as its handler, so the engine's limits, breakers, stats and pools apply unchanged.
 * Not `verified` in the catalog sense (no recorded upstream exists); its own tests verify it.
 */
export function localSentimentProvider<const Id extends string>(o: LocalSentimentOptions<Id>): Provider<Id> {
  return defineProvider({
    id: o.id,
    name: o.name,
    category: 'ai',
    baseUrl: `${LOCAL_SCHEME}${o.host}`,
    docs: o.docs,
    cors: true,
    tier: o.tier,
    verified: false,
    capabilities: {
      'text-sentiment': defineCapability('text-sentiment', {
        request: ({ texts }) => ({ path: '/classify', method: 'POST', body: { inputs: texts } }),
        response: Verdicts,
        transform: (raw, { texts }) => {
          if (raw.length !== texts.length) throw new Error(`${o.model} answered ${raw.length} results for ${texts.length} texts`);
          return raw.map((v) => ({ label: v.label, score: v.score, model: o.model }));
        },
      }),
    },
  });
}

/** The in-process side: reads `{inputs}`, runs the classifier, answers JSON (4xx/5xx JSON on failure). */
export function sentimentHandler(classify: Classifier): LocalHandler {
  return async (request, signal) => {
    let input: unknown;
    try {
      input = JSON.parse(request.body ?? '');
    } catch {
      return localJson(400, { error: 'body is not JSON' });
    }
    const parsed = Request.safeParse(input);
    if (!parsed.success) return localJson(400, { error: 'expected {inputs: string[]}' });
    try {
      return localJson(200, await classify(parsed.data.inputs, signal));
    } catch (e) {
      // A model that failed to load or run is a server error: the breaker counts it, the pool moves on.
      return localJson(503, { error: e instanceof Error ? e.message : String(e) });
    }
  };
}
