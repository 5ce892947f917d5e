import type { Context } from 'hono';
import { validator } from 'hono/validator';
import type { z } from 'zod';

type Target = 'param' | 'query' | 'json';

/** One line per problem: `symbols: a symbol is letters and digits`. Values are never echoed. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
	return issues
		.slice(0, 5)
		.map((i) => (i.path.length > 0 ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
		.join('; ');
}

const WHERE: Record<Target, string> = { param: 'path', query: 'query string', json: 'body' };
const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** Last value of each query parameter, so `?limit=1&limit=2` never reaches a schema as an array. */
function queryOf(c: Context): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, values] of Object.entries(c.req.queries())) {
		const last = values[values.length - 1];
		if (last !== undefined) out[k] = last;
	}
	return out;
}

/**
 * zod validation of one input, with a 400 `{ error }` naming the field and the rule. A JSON body
 * must say so in its Content-Type (415 otherwise), so a form post never validates as `{}`.
 */
export function validate<T extends Target, S extends z.ZodType>(target: T, schema: S) {
	return validator(target, async (value: unknown, c) => {
		if (target === 'json' && !JSON_TYPE.test((c.req.header('content-type') ?? '').split(';')[0]?.trim() ?? '')) {
			return c.json({ error: 'the body must be JSON: send Content-Type: application/json' }, 415);
		}
		const input = target === 'query' ? queryOf(c) : value;
		const parsed = await schema.safeParseAsync(input);
		if (!parsed.success) return c.json({ error: `invalid ${WHERE[target]}: ${describeIssues(parsed.error.issues)}` }, 400);
		return parsed.data as z.output<S>;
	});
}
