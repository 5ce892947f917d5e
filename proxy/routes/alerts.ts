import { Hono } from 'hono';
import { AlertsQuery, NewRule, NewWebhook, PushSubscriptionBody, RuleParams, WebhookParams } from '../../shared/alerts';
import type { AlertService } from '../alerts/service';
import type { AlertStore } from '../alerts/store';
import { adminOnly } from '../middleware/admin';
import { validate } from '../middleware/validate';

export interface AlertRoutesOptions {
	/** Absent (no database): every alert route answers 503. */
	alerts?: { service: AlertService; store: AlertStore };
	adminToken: string;
}

/** Most rules and webhooks kept: each rule is polled, each webhook is called on every alert. */
const MAX_RULES = 200;
const MAX_WEBHOOKS = 20;
const unavailable = { error: 'alerts need the database, which this proxy runs without' };

/** `/api/alerts…`: rules, recent alerts, webhook targets and Web Push subscriptions. */
export function alertRoutes({ alerts, adminToken }: AlertRoutesOptions) {
	const admin = adminOnly({ token: adminToken });
	return new Hono()
		.get('/api/alerts/rules', (c) => {
			if (!alerts) return c.json(unavailable, 503);
			const rules = alerts.service.rules();
			return c.json({ rules, total: rules.length }, 200);
		})
		.post('/api/alerts/rules', admin, validate('json', NewRule), (c) => {
			if (!alerts) return c.json(unavailable, 503);
			if (alerts.service.rules().length >= MAX_RULES) return c.json({ error: `at most ${MAX_RULES} rules; delete one first` }, 409);
			return c.json(alerts.service.addRule(c.req.valid('json')), 201);
		})
		.delete('/api/alerts/rules/:id', admin, validate('param', RuleParams), (c) => {
			if (!alerts) return c.json(unavailable, 503);
			const { id } = c.req.valid('param');
			if (!alerts.service.deleteRule(id)) return c.json({ error: `no rule '${id}'` }, 404);
			return c.json({ deleted: id }, 200);
		})
		.get('/api/alerts', validate('query', AlertsQuery), (c) => {
			if (!alerts) return c.json(unavailable, 503);
			const list = alerts.store.alerts(c.req.valid('query').limit);
			return c.json({ alerts: list, total: list.length }, 200);
		})
		.get('/api/alerts/webhooks', (c) => {
			if (!alerts) return c.json(unavailable, 503);
			// The secret stays in the database: a view says only whether deliveries are signed.
			const webhooks = alerts.store.webhooks().map((w) => ({ id: w.id, url: w.url, signed: w.secret !== null, createdAt: w.createdAt }));
			return c.json({ webhooks, total: webhooks.length }, 200);
		})
		.post('/api/alerts/webhooks', admin, validate('json', NewWebhook), (c) => {
			if (!alerts) return c.json(unavailable, 503);
			const { url, secret } = c.req.valid('json');
			if (alerts.store.webhooks().length >= MAX_WEBHOOKS) return c.json({ error: `at most ${MAX_WEBHOOKS} webhooks; delete one first` }, 409);
			const added = alerts.store.addWebhook(url, secret);
			if (!added) return c.json({ error: 'that URL is already a webhook target' }, 409);
			return c.json({ id: added.id, url: added.url, signed: added.secret !== null, createdAt: added.createdAt }, 201);
		})
		.delete('/api/alerts/webhooks/:id', admin, validate('param', WebhookParams), (c) => {
			if (!alerts) return c.json(unavailable, 503);
			const { id } = c.req.valid('param');
			if (!alerts.store.deleteWebhook(id)) return c.json({ error: `no webhook '${id}'` }, 404);
			return c.json({ deleted: id }, 200);
		})
		.get('/api/alerts/push/key', (c) => {
			if (!alerts) return c.json(unavailable, 503);
			return c.json({ publicKey: alerts.service.vapid().publicKey }, 200);
		})
		.post('/api/alerts/push/subscribe', admin, validate('json', PushSubscriptionBody), (c) => {
			if (!alerts) return c.json(unavailable, 503);
			alerts.store.addPushSubscription(c.req.valid('json'));
			return c.json({ subscribed: true as const }, 201);
		});
}
