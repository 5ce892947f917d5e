import { parseBaseUrlOverrides, withBaseUrls } from '../shared/catalog/config';
import { seedPools } from '../shared/catalog/pools';
import { allProviders } from '../shared/catalog/registry';
import { SymbolMap } from '../shared/catalog/symbols';
import { Engine, envSecrets, fetchTransport, MemoryStore, systemClock, systemRandom, type Store, type Transport } from '../shared/engine';

export interface ProxyEngineOptions {
	/** Environment: API keys (`<NAME>`, `<NAME>_1` …) and `CM_BASE_URLS`. */
	env: Readonly<Record<string, string | undefined>>;
	store?: Store;
	transport?: Transport;
}

/** The proxy's engine: the whole catalog, keys from the environment, base URLs as configured. */
export function createProxyEngine({ env, store = new MemoryStore(), transport = fetchTransport }: ProxyEngineOptions): Promise<Engine> {
	const providers = withBaseUrls(allProviders(), parseBaseUrlOverrides(env.CM_BASE_URLS));
	const symbols = new SymbolMap();
	return Engine.create({
		providers,
		pools: seedPools(providers),
		ports: { clock: systemClock, random: systemRandom, transport, store, secrets: envSecrets(env) },
		symbolId: (provider, symbol) => symbols.resolve(provider, symbol),
	});
}
