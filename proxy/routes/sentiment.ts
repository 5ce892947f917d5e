import { Hono } from 'hono';
import type { Engine } from '../../shared/engine';
import { sentimentEnsemble } from '../../shared/sentiment/ensemble';
import { modelsReport } from '../../shared/sentiment/report';
import { AnalyzeBody } from '../../shared/sentiment/schema';
import { validate } from '../middleware/validate';

export interface SentimentRouteOptions {
	engine: Engine;
	now: () => number;
}

/** `POST /api/resources/sentiment/analyze` (the ensemble) and `GET /api/reports/models`. */
export function sentimentRoutes({ engine, now }: SentimentRouteOptions) {
	return new Hono()
		.post('/api/resources/sentiment/analyze', validate('json', AnalyzeBody), async (c) => {
			const out = await sentimentEnsemble(engine, c.req.valid('json').texts);
			if (out.ok) return c.json(out.value, 200);
			// Params were validated above, so what is left is "no model could answer now".
			return c.json({ error: out.message, code: out.code }, out.code === 'bad_params' ? 400 : 503);
		})
		.get('/api/reports/models', (c) => c.json(modelsReport(engine, now()), 200));
}
