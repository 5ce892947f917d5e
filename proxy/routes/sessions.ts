import { Hono, type Context } from 'hono';
import { BroadcastBody } from '../../shared/api/rest';
import { adminOnly } from '../middleware/admin';
import { validate } from '../middleware/validate';
import type { Hub } from '../ws';

export interface SessionsOptions {
	/** The WebSocket hub; without it every route answers 503. */
	hub?: Hub;
	adminToken: string;
}

const noHub = (c: Context) => c.json({ error: 'the WebSocket hub is not attached to this proxy' }, 503);

/** `/api/sessions…` and `/api/broadcast`: the WebSocket sessions, hub statistics and an admin broadcast. */
export function sessionRoutes({ hub, adminToken }: SessionsOptions) {
	const admin = adminOnly({ token: adminToken });
	return new Hono()
		.get('/api/sessions', (c) => {
			if (!hub) return noHub(c);
			const sessions = hub.sessions();
			return c.json({ sessions, total: sessions.length }, 200);
		})
		.get('/api/sessions/stats', (c) => (hub ? c.json(hub.stats(), 200) : noHub(c)))
		.post('/api/broadcast', admin, validate('json', BroadcastBody), (c) => {
			if (!hub) return noHub(c);
			const { group, data } = c.req.valid('json');
			return c.json({ delivered: hub.broadcast(group, data) }, 200);
		});
}
