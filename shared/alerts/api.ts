import { z } from 'zod';
import type { Operation } from '../api/rest';
import { Alert, NewRule, Rule, RuleParams } from './rules';

/** The alert routes of the proxy's REST contract; spread into OPERATIONS (shared/api/rest.ts). */

export const AlertsQuery = z.object({ limit: z.coerce.number().int('limit must be a whole number').min(1).max(1_000).default(100) });
export const RuleList = z.object({ rules: z.array(Rule), total: z.number().int() });
export const AlertList = z.object({ alerts: z.array(Alert), total: z.number().int() });

/** A webhook target. The secret (for the HMAC signature) is write-only: views say only whether one is set. */
export const NewWebhook = z.strictObject({
  url: z
    .url({ protocol: /^https?$/, error: 'url must be an http:// or https:// URL' })
    .max(2048, 'url is at most 2048 characters')
    .refine((u) => {
      const url = new URL(u);
      return url.username === '' && url.password === '';
    }, 'url must not carry credentials; use secret for signing'),
  secret: z.string().min(16, 'a secret is at least 16 characters').max(256, 'a secret is at most 256 characters').optional(),
});
export const WebhookView = z.object({ id: z.string(), url: z.string(), signed: z.boolean(), createdAt: z.number() });
export const WebhookList = z.object({ webhooks: z.array(WebhookView), total: z.number().int() });
export const WebhookParams = z.object({ id: z.string().max(64).regex(/^[a-z0-9-]+$/, 'a webhook id is lower-case letters, digits and dashes') });

export const PushKey = z.object({ publicKey: z.string() });
/** What `PushSubscription.toJSON()` gives in a browser. */
export const PushSubscriptionBody = z.object({
  endpoint: z.url({ protocol: /^https?$/, error: 'endpoint must be an https:// URL' }).max(2048),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({
    p256dh: z.string().min(16).max(256).regex(/^[A-Za-z0-9_-]+=*$/, 'keys.p256dh is base64url'),
    auth: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+=*$/, 'keys.auth is base64url'),
  }),
});
/** A browser's subscription as PushSubscription.toJSON() gives it (endpoint and both keys present). */
export type PushSubscriptionInput = z.input<typeof PushSubscriptionBody>;
export const Subscribed = z.object({ subscribed: z.literal(true) });
const Deleted = z.object({ deleted: z.string() });

const ADMIN = [401, 403, 429] as const;
const BODY = [400, 413, 415] as const;

export const ALERT_OPERATIONS: readonly Operation[] = [
  { method: 'get', path: '/api/alerts/rules', tag: 'alerts', summary: 'Alert rules', ok: { status: 200, body: RuleList }, errors: [429, 503] },
  { method: 'post', path: '/api/alerts/rules', tag: 'alerts', admin: true, summary: 'Add an alert rule (price above/below, percent move in a window, provider down)', body: NewRule, ok: { status: 201, body: Rule }, errors: [...BODY, 409, ...ADMIN, 503] },
  { method: 'delete', path: '/api/alerts/rules/{id}', tag: 'alerts', admin: true, summary: 'Delete an alert rule', params: RuleParams, ok: { status: 200, body: Deleted }, errors: [400, 404, ...ADMIN, 503] },
  { method: 'get', path: '/api/alerts', tag: 'alerts', summary: 'Recent alerts, newest first', query: AlertsQuery, ok: { status: 200, body: AlertList }, errors: [400, 429, 503] },
  { method: 'get', path: '/api/alerts/webhooks', tag: 'alerts', summary: 'Webhook targets (secrets are never shown)', ok: { status: 200, body: WebhookList }, errors: [429, 503] },
  { method: 'post', path: '/api/alerts/webhooks', tag: 'alerts', admin: true, summary: 'Add a webhook target: alerts are POSTed as JSON, signed with HMAC-SHA256 when a secret is given', body: NewWebhook, ok: { status: 201, body: WebhookView }, errors: [...BODY, 409, ...ADMIN, 503] },
  { method: 'delete', path: '/api/alerts/webhooks/{id}', tag: 'alerts', admin: true, summary: 'Delete a webhook target', params: WebhookParams, ok: { status: 200, body: Deleted }, errors: [400, 404, ...ADMIN, 503] },
  { method: 'get', path: '/api/alerts/push/key', tag: 'alerts', summary: 'The VAPID public key for Web Push subscriptions', ok: { status: 200, body: PushKey }, errors: [429, 503] },
  { method: 'post', path: '/api/alerts/push/subscribe', tag: 'alerts', admin: true, summary: "Register a browser's Web Push subscription", body: PushSubscriptionBody, ok: { status: 201, body: Subscribed }, errors: [...BODY, ...ADMIN, 503] },
];
