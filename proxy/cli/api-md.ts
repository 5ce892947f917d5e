/**
 * `npm run docs:api`: writes docs/API.md from the OpenAPI document the proxy serves (the zod
 * contract in shared/api/rest.ts), so the written reference cannot drift from what the proxy
 * validates. tests/integration/api-md.test.ts fails when docs/API.md is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from '../openapi';

type Json = Record<string, unknown>;
interface Param {
	name: string;
	in: string;
	required?: boolean;
	schema?: Json;
}
interface Op {
	summary: string;
	tags: string[];
	parameters: Param[];
	requestBody?: { content: Record<string, { schema: Json }> };
	security?: unknown;
	responses: Record<string, { description: string }>;
}

/** A short type for a JSON schema: `string`, `integer 1–1000`, `'a' | 'b'`, `object`. */
function typeOf(s: Json | undefined): string {
	if (!s) return 'any';
	if (Array.isArray(s.enum)) return s.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
	if (Array.isArray(s.anyOf)) return s.anyOf.map((x) => typeOf(x as Json)).join(' \\| ');
	const type = String(s.type ?? 'any');
	const range = [s.minimum, s.maximum].every((v) => typeof v === 'number') ? ` ${s.minimum}–${s.maximum}` : '';
	const def = s.default !== undefined ? ` (default \`${JSON.stringify(s.default)}\`)` : '';
	return `${type}${range}${def}`;
}

/** Top-level fields of a request body schema, one line each. */
function bodyFields(schema: Json): string[] {
	const props = schema.properties as Record<string, Json> | undefined;
	if (!props) return [`- a JSON ${typeOf(schema)}`];
	const required = new Set((schema.required as string[] | undefined) ?? []);
	return Object.entries(props).map(([name, s]) => `- \`${name}\`${required.has(name) ? '' : ' (optional)'}: ${typeOf(s)}`);
}

export function apiMarkdown(): string {
	const doc = openApiDocument('current');
	const paths = doc.paths as Record<string, Record<string, Op>>;
	const byTag = new Map<string, string[]>();
	for (const [path, methods] of Object.entries(paths)) {
		for (const [method, op] of Object.entries(methods)) {
			const lines = [`### \`${method.toUpperCase()} ${path}\`${op.security ? ' (admin)' : ''}`, '', op.summary, ''];
			if (op.parameters.length > 0) {
				lines.push('| parameter | in | type |', '|---|---|---|');
				for (const p of op.parameters) lines.push(`| \`${p.name}\`${p.required ? '' : ' (optional)'} | ${p.in} | ${typeOf(p.schema)} |`);
				lines.push('');
			}
			const body = op.requestBody?.content['application/json']?.schema;
			if (body) lines.push('Body (JSON):', '', ...bodyFields(body), '');
			lines.push(`Answers: ${Object.entries(op.responses).map(([code, r]) => `${code} ${r.description}`).join(', ')}.`, '');
			const tag = op.tags[0] ?? 'other';
			byTag.set(tag, [...(byTag.get(tag) ?? []), ...lines]);
		}
	}
	const out = [
		'# Crypto Monitor API',
		'',
		'Generated from the OpenAPI document (`/openapi.json`, built from the zod schemas in',
		'`shared/api/rest.ts`) by `npm run docs:api`; do not edit by hand. A running proxy also serves',
		'this reference at `/docs`.',
		'',
		'- Every answer that carries upstream data says where it came from and how old it is',
		'  (`source`, `ts`, `cached`, `stale`).',
		'- Routes marked (admin) need `Authorization: Bearer <CM_ADMIN_TOKEN>`.',
		'- Bad input answers 4xx with `{"error": "<what is wrong>"}`; keys never appear in any answer.',
		'- WebSocket: `/ws` (messages in `shared/api/ws.ts`); relay: `/relay/{providerId}/{path}`.',
		'',
	];
	for (const [tag, lines] of byTag) out.push(`## ${tag}`, '', ...lines);
	return `${out.join('\n').trimEnd()}\n`;
}

export const API_MD = fileURLToPath(new URL('../../docs/API.md', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	writeFileSync(API_MD, apiMarkdown());
	console.log(`wrote ${API_MD}`);
}
