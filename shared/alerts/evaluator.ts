import { describeRule, type Alert, type Rule } from './rules';

/**
 * Decides when a rule fires. Pure: the caller passes the time with every observation (the engine's
 * clock), so tests drive it with a fake clock.
 *
 * - ONCE per crossing: a rule fires when its condition becomes true, then is disarmed until the
 *   condition has gone false again, past a hysteresis band (price rules: `hysteresisPct` of the
 *   threshold; percent moves: back under half the move), so jitter around the line never re-fires.
 * - Debounced: never twice within `debounceMinutes`. A crossing inside that interval is not lost:
 *   the rule stays armed and fires when the interval ends if the condition still holds.
 */

const MINUTE = 60_000;
/** Samples kept per symbol for percent moves, whatever the window: bounds memory. */
const MAX_SAMPLES = 2_000;
/** Breaker states in which a provider is not serving (a manual force-open included). */
const DOWN_STATES = new Set(['open', 'half_open', 'forced_open']);

export interface PriceObservation {
  symbol: string;
  vs: string;
  price: number;
}

interface RuleState {
  armed: boolean;
  lastFiredAt: number;
}

export class AlertEvaluator {
  #rules: Rule[] = [];
  readonly #state = new Map<string, RuleState>();
  /** `SYMBOL/VS` -> samples, oldest first. */
  readonly #history = new Map<string, { t: number; price: number }[]>();
  /** provider -> when it went down (absent while up). */
  readonly #downSince = new Map<string, number>();

  /** Replaces the rule set; rules that stay keep their armed state and last firing. */
  setRules(rules: readonly Rule[]): void {
    this.#rules = [...rules];
    const ids = new Set(rules.map((r) => r.id));
    for (const id of this.#state.keys()) if (!ids.has(id)) this.#state.delete(id);
  }

  rules(): readonly Rule[] {
    return this.#rules;
  }

  /**
   * Picks up after a restart from when each rule last fired (the stored alerts), so a restart does
   * not send the same alert again. A price rule that has fired starts disarmed: the next price that
   * leaves its band re-arms it, as it would have without the restart (at worst a crossing made
   * entirely while the process was down goes unreported). Every rule keeps its debounce. A
   * provider-down rule stays armed, since only a breaker transition re-arms it and a healthy
   * provider sends none after a start.
   */
  resume(lastFiredAt: ReadonlyMap<string, number>): void {
    for (const rule of this.#rules) {
      const at = lastFiredAt.get(rule.id);
      if (at !== undefined) this.#state.set(rule.id, { armed: rule.kind === 'provider-down', lastFiredAt: at });
    }
  }

  /** New prices from `source` at `now`: the alerts they fire. */
  observePrices(quotes: readonly PriceObservation[], source: string, now: number): Alert[] {
    const fired: Alert[] = [];
    for (const q of quotes) {
      if (!(q.price > 0) || !Number.isFinite(q.price)) continue;
      const key = `${q.symbol}/${q.vs}`;
      const samples = this.#remember(key, q.price, now);
      for (const rule of this.#rules) {
        if (rule.kind === 'provider-down' || rule.symbol !== q.symbol || rule.vs !== q.vs) continue;
        const alert = this.#evaluatePrice(rule, q.price, samples, source, now);
        if (alert) fired.push(alert);
      }
    }
    return fired;
  }

  /** A provider's breaker moved to `state` at `now`: the alerts that fire now (forMinutes 0). */
  observeBreaker(provider: string, state: string, now: number): Alert[] {
    if (DOWN_STATES.has(state)) {
      if (!this.#downSince.has(provider)) this.#downSince.set(provider, now);
    } else {
      this.#downSince.delete(provider);
      // Back up: the provider's rules re-arm (the transition is its own hysteresis).
      for (const r of this.#rules) if (r.kind === 'provider-down' && r.providerId === provider) this.#stateOf(r).armed = true;
    }
    return this.tick(now);
  }

  /** Fires provider-down rules whose `forMinutes` have passed; call periodically. */
  tick(now: number): Alert[] {
    const fired: Alert[] = [];
    for (const rule of this.#rules) {
      if (rule.kind !== 'provider-down') continue;
      const since = this.#downSince.get(rule.providerId);
      if (since === undefined) continue;
      const minutes = (now - since) / MINUTE;
      if (minutes < rule.forMinutes) continue;
      const alert = this.#fire(rule, now, Math.round(minutes * 10) / 10, rule.forMinutes, rule.providerId, `${rule.providerId} is down${rule.forMinutes > 0 ? ` for ${rule.forMinutes}+ min` : ''}`);
      if (alert) fired.push(alert);
    }
    return fired;
  }

  #remember(key: string, price: number, now: number): { t: number; price: number }[] {
    let samples = this.#history.get(key);
    if (!samples) this.#history.set(key, (samples = []));
    samples.push({ t: now, price });
    const longest = Math.max(0, ...this.#rules.map((r) => (r.kind === 'percent-move' ? r.windowMinutes * MINUTE : 0)));
    while (samples.length > 0 && ((samples[0]?.t ?? now) < now - longest || samples.length > MAX_SAMPLES)) samples.shift();
    return samples;
  }

  #evaluatePrice(rule: Exclude<Rule, { kind: 'provider-down' }>, price: number, samples: readonly { t: number; price: number }[], source: string, now: number): Alert | undefined {
    const state = this.#stateOf(rule);
    const shown = `${fmt(price)} ${rule.vs}`;
    if (rule.kind === 'price-above' || rule.kind === 'price-below') {
      const above = rule.kind === 'price-above';
      const band = rule.threshold * (rule.hysteresisPct / 100);
      const holds = above ? price >= rule.threshold : price <= rule.threshold;
      const rearm = above ? price < rule.threshold - band : price > rule.threshold + band;
      if (rearm) state.armed = true;
      if (!holds) return undefined;
      return this.#fire(rule, now, price, rule.threshold, source, `${rule.symbol} ${above ? 'rose above' : 'fell below'} ${fmt(rule.threshold)} ${rule.vs}: ${shown}`);
    }
    const start = samples.find((s) => s.t >= now - rule.windowMinutes * MINUTE);
    if (!start || start.price <= 0) return undefined;
    const move = ((price - start.price) / start.price) * 100;
    const size = rule.direction === 'up' ? move : rule.direction === 'down' ? -move : Math.abs(move);
    if (size < rule.pct / 2) state.armed = true;
    if (size < rule.pct) return undefined;
    const signed = `${move >= 0 ? '+' : ''}${move.toFixed(2)}%`;
    return this.#fire(rule, now, Math.round(move * 100) / 100, rule.pct, source, `${rule.symbol} moved ${signed} in ${rule.windowMinutes} min: ${shown}`);
  }

  #fire(rule: Rule, now: number, value: number, threshold: number, source: string, what: string): Alert | undefined {
    const state = this.#stateOf(rule);
    if (!state.armed) return undefined;
    if (now - state.lastFiredAt < rule.debounceMinutes * MINUTE) return undefined;
    state.armed = false;
    state.lastFiredAt = now;
    const label = rule.label ?? describeRule(rule);
    return { id: `${rule.id}-${now}`, ruleId: rule.id, kind: rule.kind, message: label === what ? what : `${label}: ${what}`, value, threshold, ts: now, source };
  }

  #stateOf(rule: Rule): RuleState {
    let s = this.#state.get(rule.id);
    if (!s) this.#state.set(rule.id, (s = { armed: true, lastFiredAt: -Infinity }));
    return s;
  }
}

const fmt = (n: number): string => (Math.abs(n) >= 1 ? n.toLocaleString('en-US', { maximumFractionDigits: 2 }) : n.toPrecision(4));
