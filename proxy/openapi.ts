import { z } from 'zod';
import { ErrorBody, OPERATIONS, type Operation } from '../shared/api/rest';

type Json = Record<string, unknown>;

const schemaOf = (s: z.ZodType, io: 'input' | 'output'): Json => {
	const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Json;
	return rest;
};

function parameters(op: Operation): Json[] {
	const out: Json[] = [];
	const add = (where: 'path' | 'query', schema: z.ZodType | undefined) => {
		if (!schema) return;
		const json = schemaOf(schema, 'input');
		const props = (json.properties ?? undefined) as Record<string, Json> | undefined;
		if (!props) {
			out.push({ name: 'params', in: where, style: 'form', explode: true, schema: json, description: schema.description });
			return;
		}
		const required = new Set((json.required as string[] | undefined) ?? []);
		for (const [name, s] of Object.entries(props)) out.push({ name, in: where, required: where === 'path' || required.has(name), schema: s });
	};
	add('path', op.params);
	add('query', op.query);
	return out;
}

const REASONS: Record<number, string> = {
	400: 'Invalid input',
	401: 'Admin token missing',
	403: 'Admin token wrong',
	404: 'Not found',
	409: 'Conflict with the current state',
	413: 'Body too large',
	415: 'Body is not JSON',
	429: 'Too many requests',
	503: 'Unavailable'
};

/** The OpenAPI 3.1 document, generated from the zod schemas each route validates with. */
export function openApiDocument(version: string): Json {
	const paths: Record<string, Record<string, Json>> = {};
	const error = { 'application/json': { schema: schemaOf(ErrorBody, 'output') } };
	for (const op of OPERATIONS) {
		const responses: Record<string, Json> = {};
		const { status, body, contentType } = op.ok;
		responses[String(status)] = {
			description: 'OK',
			...(body ? { content: { 'application/json': { schema: schemaOf(body, 'output') } } } : contentType ? { content: { [contentType]: {} } } : {})
		};
		for (const code of op.errors) responses[String(code)] = { description: REASONS[code] ?? 'Error', content: error };
		(paths[op.path] ??= {})[op.method] = {
			summary: op.summary,
			tags: [op.tag],
			operationId: `${op.method}${op.path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ?? '').toUpperCase())}`,
			parameters: parameters(op),
			...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(op.body, 'input') } } } } : {}),
			...(op.admin ? { security: [{ adminToken: [] }] } : {}),
			responses
		};
	}
	return {
		openapi: '3.1.0',
		info: { title: 'Crypto Monitor proxy', version, description: 'Every answer with upstream data carries its source and age. Mutations need the admin token.' },
		components: { securitySchemes: { adminToken: { type: 'http', scheme: 'bearer', description: 'CM_ADMIN_TOKEN' } } },
		paths
	};
}

const escape = (s: string): string => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The /docs page: every operation of the document, rendered on the server (no script, no CDN). */
export function docsPage(doc: Json): string {
	const paths = doc.paths as Record<string, Record<string, { summary: string; tags: string[]; parameters: Json[]; security?: unknown; responses: Record<string, unknown> }>>;
	const rows: string[] = [];
	for (const [path, methods] of Object.entries(paths)) {
		for (const [method, op] of Object.entries(methods)) {
			const params = op.parameters.map((p) => `<code>${escape(String(p.name))}</code> <small>(${escape(String(p.in))}${p.required ? ', required' : ''})</small>`).join(', ');
			rows.push(
				`<tr><td class="m ${method}">${method.toUpperCase()}</td><td><code>${escape(path)}</code>${op.security ? ' <span class="admin">admin</span>' : ''}<div>${escape(op.summary)}</div>${params ? `<div class="p">${params}</div>` : ''}</td><td>${Object.keys(op.responses).join(' ')}</td></tr>`
			);
		}
	}
	const info = doc.info as { title: string; version: string };
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(info.title)} API</title><style>
body{font:14px/1.4 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1a1a1a}
table{border-collapse:collapse;width:100%}td{border-top:1px solid #ddd;padding:.4rem;vertical-align:top}
.m{font-weight:600;width:4.5rem}.get{color:#05668d}.post{color:#2a7d2e}.delete{color:#b00020}
.admin{background:#fde2e1;border-radius:3px;font-size:11px;padding:0 4px}.p{color:#555}
</style></head><body><h1>${escape(info.title)} API <small>${escape(info.version)}</small></h1>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a>. Admin routes need <code>Authorization: Bearer &lt;CM_ADMIN_TOKEN&gt;</code>.</p>
<table><thead><tr><th>Method</th><th>Path</th><th>Statuses</th></tr></thead><tbody>${rows.join('')}</tbody></table></body></html>`;
}
