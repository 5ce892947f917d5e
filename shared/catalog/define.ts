import type { z } from 'zod';
import { CAPABILITIES, type Capability, type ParamsOf } from '../model';
import type {
  AdapterContext,
  AuthSpec,
  CapabilityAdapter,
  CapabilityMap,
  Category,
  Classified,
  LimitSpec,
  ProviderSpec,
  RequestSpec,
  Tier,
} from '../engine/adapter';
import { summarizeIssues } from '../engine/pipeline';

/** Thrown by a transform when a valid body cannot answer these params (e.g. the symbol is absent). */
export class Unsupported extends Error {
  override readonly name = 'Unsupported';
}

export const unsupported = (message: string): never => {
  throw new Unsupported(message);
};

type CanonicalInput<C extends Capability> = z.input<(typeof CAPABILITIES)[C]['result']>;

export interface CapabilityDef<C extends Capability, S extends z.ZodType> {
  readonly format?: 'json' | 'text';
  request(params: ParamsOf<C>, ctx: AdapterContext): RequestSpec | string;
  /** zod schema of the raw upstream body: what the provider really sends. */
  readonly response: S;
  classify?(body: unknown, status: number): Classified | undefined;
  transform(raw: z.output<S>, params: ParamsOf<C>, ctx: AdapterContext): CanonicalInput<C>;
}

export type DefinedCapability<C extends Capability, S extends z.ZodType> = CapabilityAdapter<C> & {
  readonly response: S;
};

export function defineCapability<C extends Capability, S extends z.ZodType>(
  capability: C,
  def: CapabilityDef<C, S>,
): DefinedCapability<C, S> {
  return {
    capability,
    format: def.format ?? 'json',
    response: def.response,
    request: def.request,
    ...(def.classify ? { classify: def.classify } : {}),
    decode(body, params, ctx) {
      const raw = def.response.safeParse(body);
      if (!raw.success) return { ok: false, kind: 'schema', message: `raw: ${summarizeIssues(raw.error.issues)}` };
      try {
        return { ok: true, value: def.transform(raw.data, params, ctx) };
      } catch (e) {
        if (e instanceof Unsupported) return { ok: false, kind: 'unsupported', message: e.message };
        return { ok: false, kind: 'schema', message: `transform: ${e instanceof Error ? e.message : String(e)}` };
      }
    },
  };
}

export interface ProviderDef<Id extends string> {
  readonly id: Id;
  readonly name: string;
  readonly category: Category;
  readonly baseUrl: string;
  readonly docs: string;
  readonly auth?: AuthSpec;
  readonly limits?: LimitSpec;
  readonly cors?: boolean;
  readonly tier?: Tier;
  readonly weight?: number;
  readonly verified?: boolean;
  readonly capabilities: CapabilityMap;
  readonly classify?: (body: unknown, status: number) => Classified | undefined;
  readonly retired?: string;
}

export type Provider<Id extends string = string> = ProviderSpec & { readonly id: Id };

/** Declares a provider; defaults: no auth, no declared limits, no CORS, tier `medium`, weight 1, unverified. */
export function defineProvider<const Id extends string>(def: ProviderDef<Id>): Provider<Id> {
  for (const [cap, adapter] of Object.entries(def.capabilities)) {
    if (adapter && adapter.capability !== cap) throw new Error(`${def.id}: capability ${cap} holds an adapter for ${adapter.capability}`);
  }
  return {
    auth: { kind: 'none' },
    limits: {},
    cors: false,
    tier: 'medium',
    weight: 1,
    verified: false,
    ...def,
  };
}

export const num = (s: string | number): number => (typeof s === 'number' ? s : Number(s));
