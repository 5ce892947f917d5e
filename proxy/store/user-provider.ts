import { z } from 'zod';
import { CATEGORIES } from '../../shared/engine';
import { CAPABILITY_IDS, type Capability } from '../../shared/model';
import { templateIssue, UserTemplate } from '../../shared/catalog/user-template';

/** A field's own message, or "required, but missing" when it is absent. */
const unlessMissing =
	(message: (input: unknown) => string) =>
	(iss: { input?: unknown }): string =>
		iss.input === undefined ? 'required, but missing' : message(iss.input);

const https = (field: string) =>
	z
		.url({ protocol: /^https$/, error: unlessMissing(() => `${field} must be an https:// URL`) })
		.max(2048)
		.refine((u) => {
			// zod runs this even when the url check above failed: an unparsable value is that check's issue, never a throw.
			let url: URL;
			try {
				url = new URL(u);
			} catch {
				return true;
			}
			return url.username === '' && url.password === '';
		}, `${field} must not carry credentials (keys come from the environment)`);

/**
 * A provider added at run time: data the proxy turns into a generic adapter. Unknown keys are
 * refused rather than dropped, so a typo (`baseURL`) is reported instead of silently lost.
 */
export const UserProviderSpec = z.strictObject({
	id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a provider id is lower-case letters, digits and dashes (at most 64)'),
	name: z.string().trim().min(1, 'name is required').max(100),
	category: z.enum(CATEGORIES, { error: unlessMissing((input) => `unknown category '${String(input)}' (one of ${CATEGORIES.join(', ')})`) }),
	baseUrl: https('baseUrl'),
	docs: https('docs'),
	capabilities: z
		.array(z.enum(CAPABILITY_IDS as [Capability, ...Capability[]], { error: unlessMissing((input) => `unknown capability '${String(input)}'`) }))
		.min(1, 'at least one capability')
		.refine((caps) => new Set(caps).size === caps.length, 'a capability is listed twice'),
	template: UserTemplate.optional(),
	/** Whether it sends CORS headers; default: its template family's. */
	cors: z.boolean({ error: 'cors is true or false' }).optional(),
}).superRefine((p, ctx) => {
	const issue = templateIssue(p);
	if (issue) ctx.addIssue({ code: 'custom', message: issue, path: ['template'] });
});
export type UserProviderSpec = z.infer<typeof UserProviderSpec>;
