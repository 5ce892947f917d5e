import { z } from 'zod';

export { corruptBody, refreshTimes } from '../../shared/catalog/testing/corrupt';

/** Every way the simulator can misbehave, per provider, at run time. */
export const FAULT_KINDS = [
  'refused', // connection reset before any byte
  'timeout', // accepts and never answers
  'slow', // headers at once, then the body trickles over `delayMs`
  'rate_limit', // 429 with Retry-After
  'server_error', // 503
  'loading', // 503 with Hugging Face's `{error: "Model … is currently loading", estimated_time}` (a cold model)
  'html', // 200 with an HTML error page instead of JSON
  'truncated', // 200 with the first half of the body
  'schema_drift', // 200 with the body's object keys renamed
  'wrong_types', // 200 with every number turned into an object
  'empty', // 200 with an empty body of the same JSON type
  'stale', // 200 with timestamps moved back a year
  'future', // 200 with timestamps moved a year ahead
  'absurd', // 200 with every number multiplied by 1,000
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const Fault = z.object({
  kind: z.enum(FAULT_KINDS),
  /** Share of this provider's requests that get the fault (0–1). Default 1. */
  rate: z.number().min(0).max(1).default(1),
  /** For `rate_limit`: seconds in Retry-After. Default 30. */
  retryAfterS: z.number().int().min(0).max(86_400).default(30),
  /** For `slow`: how long the body takes. Default 2,000 ms. */
  delayMs: z.number().int().min(0).max(120_000).default(2_000),
});
export type Fault = z.infer<typeof Fault>;
export type FaultInput = z.input<typeof Fault>;
