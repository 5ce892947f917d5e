import { z } from 'zod';

/** What the proxy answers on GET /health. */
export const healthSchema = z.object({
	status: z.literal('ok'),
	uptimeSeconds: z.number().nonnegative(),
	version: z.string()
});

export type Health = z.infer<typeof healthSchema>;

export type HealthResult = { ok: true; data: Health } | { ok: false; message: string };

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * Asks the proxy (same origin) whether it is alive. Never throws: network errors, HTTP errors and
 * unexpected bodies all come back as `{ ok: false, message }` for the page to show.
 */
export async function fetchHealth(fetchFn: Fetch, signal?: AbortSignal): Promise<HealthResult> {
	let response: Response;
	try {
		response = await fetchFn('/health', { signal: signal ?? null, headers: { accept: 'application/json' } });
	} catch (error) {
		return { ok: false, message: `The proxy could not be reached (${describe(error)}).` };
	}
	if (!response.ok) {
		return { ok: false, message: `The proxy answered HTTP ${response.status}.` };
	}
	let body: unknown;
	try {
		body = await response.json();
	} catch {
		return { ok: false, message: 'The proxy answered something that is not JSON.' };
	}
	const parsed = healthSchema.safeParse(body);
	if (!parsed.success) {
		return { ok: false, message: 'The proxy answered an unexpected health report.' };
	}
	return { ok: true, data: parsed.data };
}

/** 3725 -> "1h 2m 5s"; 42 -> "42s". */
export function formatUptime(totalSeconds: number): string {
	const seconds = Math.max(0, Math.floor(totalSeconds));
	const days = Math.floor(seconds / 86_400);
	const hours = Math.floor((seconds % 86_400) / 3_600);
	const minutes = Math.floor((seconds % 3_600) / 60);
	const rest = seconds % 60;
	const parts: string[] = [];
	if (days > 0) parts.push(`${days}d`);
	if (hours > 0 || days > 0) parts.push(`${hours}h`);
	if (minutes > 0 || hours > 0 || days > 0) parts.push(`${minutes}m`);
	parts.push(`${rest}s`);
	return parts.join(' ');
}

function describe(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
