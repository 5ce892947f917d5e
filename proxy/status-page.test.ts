import { describe, expect, it } from 'vitest';
import { statusPage } from './status-page';

describe('the no-JavaScript status page', () => {
	it('escapes every value and runs no script', () => {
		const html = statusPage(
			{
				generatedAt: Date.UTC(2026, 0, 2),
				providers: [{ kind: 'provider', id: 'evil', name: '<script>alert(1)</script>', state: 'open', available: false, uptime24h: 0.5, requests24h: 4, ongoingIncidents: 1 }],
				pools: [],
			},
			[{ id: 'x', provider: 'evil', capability: 'price', startedAt: Date.UTC(2026, 0, 1), endedAt: null, durationMs: 90_000, ongoing: true, cause: 'http_5xx', reason: '"5" <failures>', reopened: 0 }],
		);
		expect(html).not.toContain('<script>');
		expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
		expect(html).toContain('50.00%');
		expect(html).toContain('ongoing');
		expect(html).toContain('&#34;5&#34; &#60;failures&#62;');
		expect(html).toContain('2 min');
	});

	it('says when there was no incident', () => {
		expect(statusPage({ generatedAt: 0, providers: [], pools: [] }, [])).toContain('No incident in the last 30 days.');
	});
});
