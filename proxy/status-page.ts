import type { Incident, StatusIndex, StatusIndexEntry } from '../shared/api/status-history';

/**
 * `/status.html`: the status index as one small page for people and curl without the app's
 * JavaScript (the app's own Status screen lives at /status). Server-rendered, every value
 * escaped, no script and no inline style attribute, so it runs under a `default-src 'none'` CSP.
 */

export const STATUS_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const escape = (s: string): string => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
const pct = (x: number | null): string => (x === null ? 'no calls' : `${(x * 100).toFixed(2)}%`);
const iso = (t: number): string => new Date(t).toISOString().replace('.000Z', 'Z');
const minutes = (ms: number): string => (ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`);

function rows(entries: readonly StatusIndexEntry[]): string {
	return [...entries]
		.sort((a, b) => b.requests24h - a.requests24h || a.id.localeCompare(b.id))
		.map(
			(e) =>
				`<tr><td>${escape(e.name)} <small>${escape(e.id)}</small></td><td class="${e.available ? 'ok' : 'bad'}">${escape(e.state)}</td><td>${pct(e.uptime24h)}</td><td>${e.requests24h}</td><td>${e.ongoingIncidents}</td></tr>`,
		)
		.join('');
}

const HEAD = '<tr><th>Name</th><th>State</th><th>Uptime 24 h</th><th>Calls 24 h</th><th>Ongoing incidents</th></tr>';

export function statusPage(index: StatusIndex, incidents: readonly Incident[]): string {
	const incidentRows = incidents
		.map(
			(i) =>
				`<tr><td>${escape(i.provider)}${i.capability ? ` · ${escape(i.capability)}` : ''}</td><td>${iso(i.startedAt)}</td><td>${i.endedAt === null ? '<strong class="bad">ongoing</strong>' : iso(i.endedAt)}</td><td>${minutes(i.durationMs)}</td><td>${escape(i.cause ?? '')} (${escape(i.reason)})</td></tr>`,
		)
		.join('');
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Crypto Monitor status</title><style>
body{font:14px/1.4 system-ui,sans-serif;margin:1rem auto;max-width:60rem;padding:0 1rem}table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}th,td{text-align:start;padding:.25rem .5rem;border-bottom:1px solid #ccc}.ok{color:#15803d}.bad{color:#b91c1c}small{color:#666}
</style></head><body><h1>Crypto Monitor status</h1><p>Generated ${iso(index.generatedAt)} by this proxy's engine. The app's Status screen (<a href="/status">/status</a>) has uptime bars, response time and per-provider history; JSON at <a href="/api/status/index">/api/status/index</a>.</p>
<h2>Pools</h2><table>${HEAD}${rows(index.pools)}</table>
<h2>Providers</h2><table>${HEAD}${rows(index.providers)}</table>
<h2>Incidents, last 30 days</h2>${incidentRows ? `<table><tr><th>Breaker</th><th>Started</th><th>Ended</th><th>Duration</th><th>Cause</th></tr>${incidentRows}</table>` : '<p>No incident in the last 30 days.</p>'}
</body></html>`;
}
