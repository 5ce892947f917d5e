import { z } from 'zod';

/**
 * Alert rules and the alerts they fire: the shapes shared by the proxy (SQLite, REST), the worker
 * (IndexedDB) and the app. Strict objects: an unknown field is refused with its name, so a typo
 * (`treshold`) is an error rather than a rule that never fires.
 */

export const RULE_KINDS = ['price-above', 'price-below', 'percent-move', 'provider-down'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
export const DIRECTIONS = ['up', 'down', 'either'] as const;

const Symbol = z
  .string({ error: 'symbol is required, e.g. BTC' })
  .max(20, 'a symbol is at most 20 characters')
  .regex(/^[A-Za-z0-9]+$/, 'a symbol is letters and digits, e.g. BTC')
  .transform((s) => s.toUpperCase());
const ProviderId = z
  .string({ error: 'providerId is required, e.g. coingecko' })
  .max(64, 'a provider id is at most 64 characters')
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a provider id is lower-case letters, digits and dashes');
const Threshold = z
  .number({ error: 'threshold must be a number' })
  .positive('threshold must be above 0')
  .max(1e15, 'threshold is too large')
  .refine(Number.isFinite, 'threshold must be finite');

/** Fields every rule has. */
const common = {
  /** Shown in the alert; default: a description of the rule. */
  label: z.string().trim().max(80, 'a label is at most 80 characters').optional(),
  /** Minimum time between two firings of this rule, minutes (debounce). Default 5. */
  debounceMinutes: z.number({ error: 'debounceMinutes must be a number' }).int('debounceMinutes is whole minutes').min(0).max(10_080).default(5),
};

const priceRule = <K extends 'price-above' | 'price-below'>(kind: K) =>
  z.strictObject({
    kind: z.literal(kind),
    symbol: Symbol,
    vs: Symbol.default('USD'),
    threshold: Threshold,
    /**
     * The price must move back past the threshold by this share (percent of the threshold) before
     * the rule re-arms, so jitter around the line does not fire again. Default 0.5 %.
     */
    hysteresisPct: z.number({ error: 'hysteresisPct must be a number' }).min(0).max(50, 'hysteresisPct is at most 50').default(0.5),
    ...common,
  });

export const PriceAboveRule = priceRule('price-above');
export const PriceBelowRule = priceRule('price-below');
export const PercentMoveRule = z.strictObject({
  kind: z.literal('percent-move'),
  symbol: Symbol,
  vs: Symbol.default('USD'),
  /** Size of the move that fires, percent of the oldest price in the window. */
  pct: z.number({ error: 'pct must be a number' }).positive('pct must be above 0').max(1_000, 'pct is at most 1000'),
  windowMinutes: z.number({ error: 'windowMinutes must be a number' }).int('windowMinutes is whole minutes').min(1, 'windowMinutes is at least 1').max(1_440 * 7, 'windowMinutes is at most a week'),
  direction: z.enum(DIRECTIONS, { error: "direction is 'up', 'down' or 'either'" }).default('either'),
  ...common,
});
export const ProviderDownRule = z.strictObject({
  kind: z.literal('provider-down'),
  providerId: ProviderId,
  /** How long the provider must stay down before the alert fires, minutes. Default 0 (at once). */
  forMinutes: z.number({ error: 'forMinutes must be a number' }).int('forMinutes is whole minutes').min(0).max(10_080).default(0),
  ...common,
});

/** A rule as a client sends it. */
export const NewRule = z.discriminatedUnion('kind', [PriceAboveRule, PriceBelowRule, PercentMoveRule, ProviderDownRule], {
  error: (issue) => (issue.code === 'invalid_union' ? `kind is one of ${RULE_KINDS.join(', ')}` : undefined),
});
export type NewRule = z.output<typeof NewRule>;
export type NewRuleInput = z.input<typeof NewRule>;

/** A stored rule. */
export const Rule = z.intersection(NewRule, z.object({ id: z.string(), createdAt: z.number() }));
export type Rule = NewRule & { id: string; createdAt: number };

export const RuleParams = z.object({ id: z.string().max(64).regex(/^[a-z0-9-]+$/, 'a rule id is lower-case letters, digits and dashes') });

/** One firing of a rule. */
export const Alert = z.object({
  id: z.string(),
  ruleId: z.string(),
  kind: z.enum(RULE_KINDS),
  message: z.string(),
  /** The price, the move in percent, or the minutes down. */
  value: z.number(),
  threshold: z.number(),
  ts: z.number(),
  /** The provider whose answer fired it (for provider-down: the provider itself). */
  source: z.string(),
});
export type Alert = z.infer<typeof Alert>;

/** Symbols (per quote currency) that the price rules need polled. */
export function symbolsNeeded(rules: readonly Rule[]): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const r of rules) {
    if (r.kind === 'provider-down') continue;
    let set = out.get(r.vs);
    if (!set) out.set(r.vs, (set = new Set()));
    set.add(r.symbol);
  }
  return new Map([...out].map(([vs, s]) => [vs, [...s].sort()]));
}

/** What a rule watches, in words (the default label). */
export function describeRule(r: NewRule): string {
  switch (r.kind) {
    case 'price-above':
      return `${r.symbol} above ${r.threshold} ${r.vs}`;
    case 'price-below':
      return `${r.symbol} below ${r.threshold} ${r.vs}`;
    case 'percent-move':
      return `${r.symbol} moves ${r.direction === 'up' ? '+' : r.direction === 'down' ? '-' : '±'}${r.pct}% in ${r.windowMinutes} min`;
    case 'provider-down':
      return `${r.providerId} down${r.forMinutes > 0 ? ` for ${r.forMinutes} min` : ''}`;
  }
}
