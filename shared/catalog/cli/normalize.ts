/**
 * `npm run normalize -- --provider <id> --capability <cap> --file <body> [--params '<json>'] [--status <http>]`
 *
 * Runs one provider's adapter over a saved response body, exactly as the engine would (error
 * classification, raw schema, transform, canonical validation), and prints the canonical result
 * as JSON. On a body that is an error or does not parse: one line on stderr, exit code 1.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CAPABILITIES, CAPABILITY_IDS, isCapability, type ParamsOf } from '../../model';
import type { CapabilityAdapter } from '../../engine/adapter';
import { interpret, summarizeIssues } from '../../engine/pipeline';
import { isProviderId, PROVIDER_IDS, PROVIDERS } from '../registry';
import { SymbolMap } from '../symbols';

class UsageError extends Error {}

export function normalize(argv: readonly string[]): string {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      provider: { type: 'string' },
      capability: { type: 'string' },
      file: { type: 'string' },
      params: { type: 'string' },
      status: { type: 'string' },
    },
    strict: true,
  });
  const { provider: id, capability, file } = values;
  if (!id || !capability || !file) throw new UsageError('usage: npm run normalize -- --provider <id> --capability <capability> --file <body> [--params <json>] [--status <http>]');
  if (!isProviderId(id)) throw new UsageError(`unknown provider '${id}' (known: ${PROVIDER_IDS.join(', ')})`);
  if (!isCapability(capability)) throw new UsageError(`unknown capability '${capability}' (known: ${CAPABILITY_IDS.join(', ')})`);
  const provider = PROVIDERS[id];
  const adapter = provider.capabilities[capability] as CapabilityAdapter | undefined;
  if (!adapter) throw new UsageError(`${id} does not offer ${capability} (it offers: ${Object.keys(provider.capabilities).join(', ')})`);

  let rawParams: unknown = {};
  if (values.params !== undefined) {
    try {
      rawParams = JSON.parse(values.params);
    } catch {
      throw new UsageError('--params is not valid JSON');
    }
  }
  const params = CAPABILITIES[capability].params.safeParse(rawParams);
  if (!params.success) throw new UsageError(`bad params for ${capability}: ${summarizeIssues(params.error.issues)}`);

  let body: string;
  try {
    body = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  const status = Number(values.status ?? 200);
  if (!Number.isInteger(status) || status < 100 || status > 599) throw new UsageError('--status must be an HTTP status code');

  const symbols = new SymbolMap();
  const result = interpret(provider, adapter, { status, headers: {}, body }, params.data as ParamsOf<typeof capability>, {
    now: Date.now(),
    symbolId: symbols.forProvider(id),
  });
  if (!result.ok) throw new UsageError(`${id} ${capability}: ${result.kind}: ${result.message}`);
  return JSON.stringify(result.value, null, 2);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.stdout.write(`${normalize(process.argv.slice(2))}\n`);
  } catch (e) {
    process.stderr.write(`normalize: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
