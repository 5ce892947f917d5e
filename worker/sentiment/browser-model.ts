import type { LocalHandler } from '../../shared/engine/ports/local';
import { localSentimentProvider, sentimentHandler } from '../../shared/sentiment/local-provider';
import type { Store } from '../../shared/engine/ports';
import type { BrowserModelStateT } from '../../shared/sentiment/schema';
import { DEFAULT_BROWSER_MODEL, loadClassifier, type LoadOptions, type LoadProgress, type TextClassifier } from './pipeline';

export const BROWSER_MODEL_HOST = 'browser-model';
const SETTING_KEY = 'sentiment:browser-model';

/** The in-browser model in the text-sentiment pool: after hosted models, before the lexicon. */
export const browserModelProvider = localSentimentProvider({
	id: 'browser-model',
	name: 'In-browser model (transformers.js)',
	host: BROWSER_MODEL_HOST,
	model: DEFAULT_BROWSER_MODEL,
	docs: `https://huggingface.co/${DEFAULT_BROWSER_MODEL}`,
	tier: 'low',
});


export type BrowserModelLoader = (options: LoadOptions) => Promise<TextClassifier>;

/**
 * The worker's in-browser sentiment model: off until the user enables it (the choice is kept in
 * the store), loaded on first use (downloaded once, then from the library's cache), with its
 * download progress for the UI. Its handler answers the `browser-model` local provider.
 */
export class BrowserModel {
	#enabled = false;
	#status: BrowserModelStateT['status'] = 'off';
	#file: string | null = null;
	#progress: number | null = null;
	#error: string | null = null;
	#loading: Promise<TextClassifier> | undefined;
	readonly handler: LocalHandler;

	constructor(
		private readonly store: Store,
		private readonly options: Omit<LoadOptions, 'onProgress'> = {},
		private readonly loader: BrowserModelLoader = defaultLoader,
	) {
		this.handler = sentimentHandler(async (texts) => {
			if (!this.#enabled) throw new Error('the in-browser model is turned off');
			return (await this.#classifier())(texts);
		});
	}

	/** Reads the stored choice (call once at start). */
	async restore(): Promise<boolean> {
		const saved = await this.store.get<{ enabled?: unknown }>(SETTING_KEY);
		this.#set(saved?.enabled === true);
		return this.#enabled;
	}

	get enabled(): boolean {
		return this.#enabled;
	}

	async setEnabled(enabled: boolean): Promise<void> {
		await this.store.set(SETTING_KEY, { enabled });
		this.#set(enabled);
	}

	/** Starts (or joins) the download now, so the user sees progress before the first analysis. */
	async warm(): Promise<void> {
		if (this.#enabled) await this.#classifier().catch(() => undefined);
	}

	state(): BrowserModelStateT {
		return { enabled: this.#enabled, model: this.options.model ?? DEFAULT_BROWSER_MODEL, status: this.#status, file: this.#file, progress: this.#progress, error: this.#error };
	}

	#set(enabled: boolean): void {
		this.#enabled = enabled;
		if (!enabled) this.#status = 'off';
		else if (this.#status === 'off') this.#status = this.#loading ? 'ready' : 'idle';
	}

	#classifier(): Promise<TextClassifier> {
		if (!this.#loading) {
			this.#status = 'loading';
			this.#error = null;
			this.#loading = this.loader({ ...this.options, onProgress: (p) => this.#onProgress(p) }).then(
				(c) => {
					this.#status = this.#enabled ? 'ready' : 'off';
					this.#file = null;
					this.#progress = null;
					return c;
				},
				(e: unknown) => {
					// A failed load is retried on the next use (the network may be back).
					this.#loading = undefined;
					this.#status = this.#enabled ? 'error' : 'off';
					this.#error = e instanceof Error ? e.message : String(e);
					throw e;
				},
			);
		}
		return this.#loading;
	}

	#onProgress(p: LoadProgress): void {
		if (p.status === 'progress' || p.status === 'download' || p.status === 'initiate') {
			this.#file = p.file ?? this.#file;
			this.#progress = p.progress === undefined ? this.#progress : Math.min(100, Math.max(0, p.progress));
		}
	}
}

/** In the browser: wasm from our own origin, kept in the Cache API (worker/sentiment/assets.ts, imported only now). */
async function defaultLoader(options: LoadOptions): Promise<TextClassifier> {
	const assets = await import('./assets');
	const binary = await assets.wasmBinary();
	return loadClassifier({ wasmPaths: assets.wasmPaths, ...(binary ? { wasmBinary: binary } : {}), ...options });
}
