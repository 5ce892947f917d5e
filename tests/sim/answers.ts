import { z } from 'zod';

/**
 * TEST-ONLY: answers built by a test (never recordings), served by the simulator instead of the
 * recording for one provider path. In-process through `setAnswer`, or over HTTP for a running demo:
 * `POST /_sim/answers {provider, path, body}` (JSON) or `{provider, path, text, contentType}` (e.g.
 * a hostile RSS feed), `DELETE /_sim/answers` to go back to the recordings.
 */
export interface BuiltAnswer {
  readonly type: string;
  readonly text: string;
}

export const jsonAnswer = (body: unknown): BuiltAnswer => ({ type: 'application/json', text: JSON.stringify(body) });

const AnswerInput = z.union([
  z.object({ provider: z.string().min(1), path: z.string().startsWith('/'), text: z.string(), contentType: z.string().min(1).max(100) }),
  z.object({ provider: z.string().min(1), path: z.string().startsWith('/'), body: z.unknown() }),
]);

/** The map key and answer of a `POST /_sim/answers` body, or undefined when it is not one. */
export function parseAnswerInput(raw: string): { key: string; answer: BuiltAnswer } | undefined {
  let input: unknown;
  try {
    input = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const parsed = AnswerInput.safeParse(input);
  if (!parsed.success) return undefined;
  const a = parsed.data;
  if ('text' in a) return { key: `${a.provider} ${a.path}`, answer: { type: a.contentType, text: a.text } };
  if (a.body === undefined) return undefined;
  return { key: `${a.provider} ${a.path}`, answer: jsonAnswer(a.body) };
}
