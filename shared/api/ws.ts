import { z } from 'zod';
import { CAPABILITIES } from '../model';
import { Alert } from '../alerts/rules';

/**
 * The WebSocket contract between the proxy (`proxy/ws`) and its clients (the app in proxy mode,
 * bots). Names follow the seed so its users can switch: `subscribe`/`unsubscribe` {group},
 * `ping`, `get_stats`; the server answers `welcome`, `subscribed`, `update`, `heartbeat`, …
 */

/** Subscription groups. `all` receives every group's messages. */
export const GROUPS = ['market', 'prices', 'news', 'sentiment', 'alerts', 'providers', 'all'] as const;
export const Group = z.enum(GROUPS);
export type Group = z.infer<typeof Group>;
export const isGroup = (s: unknown): s is Group => typeof s === 'string' && (GROUPS as readonly string[]).includes(s);

/** Paths that accept a WebSocket; aliases pre-subscribe one group, as the seed's did. */
export const WS_PATHS = {
  '/ws': undefined,
  '/ws/market_data': 'market',
  '/ws/news': 'news',
  '/ws/sentiment': 'sentiment',
  '/api/monitoring/ws': 'providers',
} as const satisfies Record<string, Group | undefined>;
export type WsPath = keyof typeof WS_PATHS;

/** How a session says what it is: `?client=…`, else guessed from the user agent. */
export const CLIENT_TYPES = ['browser', 'mobile', 'api', 'bot'] as const;
export const ClientType = z.enum(CLIENT_TYPES);
export type ClientType = z.infer<typeof ClientType>;

/** Largest inbound message the proxy reads, bytes (UTF-8). Larger ones get an `error`. */
export const MAX_CLIENT_MESSAGE_BYTES = 16 * 1024;
/** The server sends `heartbeat` this often. */
export const HEARTBEAT_MS = 10_000;

// ---- client -> server ----

export const SubscribeMessage = z.object({ type: z.literal('subscribe'), group: Group });
export const UnsubscribeMessage = z.object({ type: z.literal('unsubscribe'), group: Group });
export const PingMessage = z.object({ type: z.literal('ping') });
export const GetStatsMessage = z.object({ type: z.literal('get_stats') });
export const ClientMessage = z.discriminatedUnion('type', [SubscribeMessage, UnsubscribeMessage, PingMessage, GetStatsMessage]);
export type ClientMessage = z.infer<typeof ClientMessage>;
export const CLIENT_MESSAGE_TYPES = ['subscribe', 'unsubscribe', 'ping', 'get_stats'] as const;

export type ParsedClientMessage = { ok: true; message: ClientMessage } | { ok: false; error: string };

/**
 * A client's text -> a message, or an error that says what was wrong (bad JSON, unknown type,
 * unknown group), written to be shown to the sender as is.
 */
export function parseClientMessage(text: string): ParsedClientMessage {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'invalid JSON: a message is one JSON object such as {"type":"ping"}' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, error: 'a message is a JSON object with a "type"' };
  const type: unknown = (raw as { type?: unknown }).type;
  if (typeof type !== 'string' || !(CLIENT_MESSAGE_TYPES as readonly string[]).includes(type)) {
    return { ok: false, error: `unknown message type ${shown(type)}; expected one of ${CLIENT_MESSAGE_TYPES.join(', ')}` };
  }
  if (type === 'subscribe' || type === 'unsubscribe') {
    const group: unknown = (raw as { group?: unknown }).group;
    if (!isGroup(group)) return { ok: false, error: `unknown group ${shown(group)}; groups: ${GROUPS.join(', ')}` };
  }
  const parsed = ClientMessage.safeParse(raw);
  return parsed.success ? { ok: true, message: parsed.data } : { ok: false, error: z.prettifyError(parsed.error) };
}

/** A value quoted for an error message, cut short: inputs are the sender's and may be long. */
function shown(value: unknown): string {
  if (value === undefined) return '(missing)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `'${text.length > 40 ? `${text.slice(0, 40)}…` : text}'`;
}

// ---- server -> client ----

/** What each group carries as `update`s: the channel is the capability that produced the data. */
export const CHANNELS = {
  price: 'prices',
  markets: 'market',
  global: 'market',
  news: 'news',
  'fear-greed': 'sentiment',
} as const satisfies Partial<Record<keyof typeof CAPABILITIES, Group>>;
export type Channel = keyof typeof CHANNELS;

const updateOf = <C extends Channel>(channel: C) =>
  z.object({
    type: z.literal('update'),
    group: z.literal(CHANNELS[channel]),
    channel: z.literal(channel),
    data: CAPABILITIES[channel].result,
    /** The provider that answered. */
    source: z.string(),
    /** When the data was fetched upstream, epoch ms. */
    ts: z.number(),
    /** Served from the cache past its freshness because every provider failed. */
    stale: z.boolean(),
  });

export const UpdateMessage = z.discriminatedUnion('channel', [
  updateOf('price'),
  updateOf('markets'),
  updateOf('global'),
  updateOf('news'),
  updateOf('fear-greed'),
]);
export type UpdateMessage = z.infer<typeof UpdateMessage>;

export const WelcomeMessage = z.object({
  type: z.literal('welcome'),
  session_id: z.string(),
  /** Every group one may subscribe to. */
  groups: z.array(Group),
  /** Groups this session is already in (the path's alias). */
  subscribed: z.array(Group),
  heartbeat_ms: z.number(),
  max_message_bytes: z.number(),
});
export const SubscribedMessage = z.object({ type: z.literal('subscribed'), group: Group });
export const UnsubscribedMessage = z.object({ type: z.literal('unsubscribed'), group: Group });
export const HeartbeatMessage = z.object({ type: z.literal('heartbeat'), ts: z.number() });
export const PongMessage = z.object({ type: z.literal('pong'), ts: z.number() });

/** One open session, as `/api/sessions` lists it. */
export const SessionInfo = z.object({
  id: z.string(),
  client_type: ClientType,
  /** Epoch ms. */
  connected_at: z.number(),
  user_agent: z.string(),
  /** The path it connected on (`/ws` or an alias). */
  path: z.string(),
  groups: z.array(Group),
  messages_sent: z.number().int(),
  messages_received: z.number().int(),
  /** Last time anything came from the peer (a message or a transport pong), epoch ms. */
  last_seen: z.number(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const HubStats = z.object({
  /** Open sessions now. */
  sessions: z.number().int(),
  /** Sessions opened since start. */
  total_sessions: z.number().int(),
  messages_sent: z.number().int(),
  messages_received: z.number().int(),
  /** Sessions closed because they read too slowly (1013). */
  dropped_slow: z.number().int(),
  /** Sessions terminated after going silent. */
  evicted: z.number().int(),
  /** Sessions per group (a session in `all` is counted under `all` only). */
  groups: z.record(Group, z.number().int()),
});
export type HubStats = z.infer<typeof HubStats>;
export const StatsResponseMessage = HubStats.extend({ type: z.literal('stats_response'), ts: z.number() });

export const ProviderSummary = z.object({
  provider: z.string(),
  requests: z.number().int(),
  ok: z.number().int(),
  failed: z.number().int(),
  avg_latency_ms: z.number(),
  /** The last breaker state seen in the window, when a breaker moved. */
  breaker: z.enum(['closed', 'open', 'half_open', 'forced_open', 'disabled']).optional(),
});
export type ProviderSummary = z.infer<typeof ProviderSummary>;
export const ProviderStatsMessage = z.object({
  type: z.literal('provider_stats'),
  /** The window summarised, ms, ending at `ts`. */
  window_ms: z.number(),
  ts: z.number(),
  providers: z.array(ProviderSummary),
});
export type ProviderStatsMessage = z.infer<typeof ProviderStatsMessage>;

export const AlertMessage = z.object({
  type: z.literal('alert'),
  kind: z.string(),
  message: z.string(),
  ts: z.number(),
  /** The rule's firing, for alerts from rules (shared/alerts); absent for engine alerts and breakers. */
  alert: Alert.optional(),
});
export type AlertMessage = z.infer<typeof AlertMessage>;
/** What `/api/broadcast` sends to a group. */
export const BroadcastMessage = z.object({ type: z.literal('broadcast'), group: Group, data: z.unknown(), ts: z.number() });
export const ErrorMessage = z.object({ type: z.literal('error'), message: z.string() });

export const ServerMessage = z.discriminatedUnion('type', [
  WelcomeMessage,
  SubscribedMessage,
  UnsubscribedMessage,
  UpdateMessage,
  HeartbeatMessage,
  PongMessage,
  StatsResponseMessage,
  ProviderStatsMessage,
  AlertMessage,
  BroadcastMessage,
  ErrorMessage,
]);
export type ServerMessage = z.infer<typeof ServerMessage>;
export type ServerMessageOf<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;
