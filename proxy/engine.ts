import { parseBaseUrlOverrides, withBaseUrls } from '../shared/catalog/config';
import { seedPools } from '../shared/catalog/pools';
import { allProviders } from '../shared/catalog/registry';
import { SymbolMap } from '../shared/catalog/symbols';
import { Engine, envSecrets, fetchTransport, MemoryStore, systemClock, systemRandom, type Store, type Transport } from '../shared/engine';
import { withLocal } from '../shared/engine/ports/local';
import { LOCAL_PROVIDERS, localHandlers } from '../shared/sentiment';

export interface ProxyEngineOptions {
	/** Environment: API keys (`<NAME>`, `<NAME>_1` …) and `CM_BASE_URLS`. */
	env: Readonly<Record<string, string | undefined>>;
	store?: Store;
	transport?: Transport;
}

/** Where learned symbol ids are kept between runs. */
const LEARNED_SYMBOLS_KEY = 'symbols:learned';

/** The proxy's engine: the whole catalog, keys from the environment, base URLs as configured. */
export async function createProxyEngine({ env, store = new MemoryStore(), transport = fetchTransport }: ProxyEngineOptions): Promise<Engine> {
	// In-process providers (the sentiment lexicon) join after the overrides, which must not re-point them.
	const providers = [...withBaseUrls(allProviders(), parseBaseUrlOverrides(env.CM_BASE_URLS)), ...LOCAL_PROVIDERS];
	const symbols = new SymbolMap((await store.get<Array<[string, string, string]>>(LEARNED_SYMBOLS_KEY)) ?? []);
	let saving = false;
	return Engine.create({
		providers,
		pools: seedPools(providers),
		ports: { clock: systemClock, random: systemRandom, transport: withLocal(transport, localHandlers()), store, secrets: envSecrets(env) },
		symbolId: (provider, symbol) => symbols.resolve(provider, symbol),
		learnSymbol: (provider, symbol, id) => {
			if (symbols.resolve(provider, symbol)) return;
			symbols.learn(provider, symbol, id);
			// One write per burst of learning (a list answer teaches many ids at once).
			if (saving) return;
			saving = true;
			queueMicrotask(() => {
				saving = false;
				void store.set(LEARNED_SYMBOLS_KEY, symbols.learned());
			});
		},
	});
}
