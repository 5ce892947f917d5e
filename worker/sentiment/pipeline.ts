import { canonicalLabel } from '../../shared/catalog/families/hf-inference';
import type { LocalVerdict } from '../../shared/sentiment/local-provider';

/** A small English sentiment model with ONNX weights on the hub (quantized file ~67 MB). */
export const DEFAULT_BROWSER_MODEL = 'Xenova/distilbert-base-uncased-finetuned-sst-2-english';

/** Download progress, as the UI shows it. `progress` is 0-100 for the file being fetched. */
export interface LoadProgress {
	readonly status: 'initiate' | 'download' | 'progress' | 'done' | 'ready';
	readonly file?: string;
	readonly progress?: number;
}

export interface LoadOptions {
	/** Hub model id. Default: DEFAULT_BROWSER_MODEL. */
	readonly model?: string;
	/** Where model files come from, laid out like the hub (`<model>/resolve/main/<file>`). Default: the hub. */
	readonly remoteHost?: string;
	/** onnxruntime-web's wasm files, served from our own origin (never a CDN). Browser only. */
	readonly wasmPaths?: { readonly wasm: string; readonly mjs: string };
	/** The runtime's wasm binary when the caller already holds it (from its cache, for offline use). */
	readonly wasmBinary?: ArrayBuffer;
	/** Node only: where downloaded files are cached (the browser uses the Cache API). */
	readonly cacheDir?: string;
	readonly onProgress?: (p: LoadProgress) => void;
}

export type TextClassifier = (texts: readonly string[]) => Promise<LocalVerdict[]>;

interface Scored {
	readonly label: string;
	readonly score: number;
}
const isScored = (x: unknown): x is Scored =>
	typeof x === 'object' && x !== null && typeof (x as Scored).label === 'string' && typeof (x as Scored).score === 'number';

/** One output item of the pipeline -> a canonical verdict (top label; lists come with top_k). */
function verdictOf(out: unknown, model: string): LocalVerdict {
	const top = Array.isArray(out) ? out.filter(isScored).sort((a, b) => b.score - a.score)[0] : isScored(out) ? out : undefined;
	if (!top) throw new Error(`${model} gave no label`);
	const label = canonicalLabel(top.label);
	if (!label) throw new Error(`${model} answered an unknown label (${top.label})`);
	return { label, score: Math.min(1, Math.max(0, top.score)) };
}

/**
 * Loads `@huggingface/transformers` on demand (a dynamic import: the initial bundle does not carry
 * it) and builds a text-classification pipeline. The library caches what it downloads (Cache API
 * in the browser, `cacheDir` in Node), so a second load reads the cache instead of the network.
 */
export async function loadClassifier(options: LoadOptions = {}): Promise<TextClassifier> {
	const model = options.model ?? DEFAULT_BROWSER_MODEL;
	const { env, pipeline } = await import('@huggingface/transformers');
	// Models come from the (configured) hub only, never from a path on our own server.
	env.allowLocalModels = false;
	env.allowRemoteModels = true;
	if (options.remoteHost) env.remoteHost = options.remoteHost.endsWith('/') ? options.remoteHost : `${options.remoteHost}/`;
	if (options.cacheDir) {
		env.useFSCache = true;
		env.cacheDir = options.cacheDir;
	}
	const wasm = env.backends.onnx.wasm;
	if (options.wasmPaths && wasm) {
		wasm.wasmPaths = { wasm: options.wasmPaths.wasm, mjs: options.wasmPaths.mjs };
		// Pre-loading would turn the factory into a blob: URL, which the page's CSP does not allow.
		env.useWasmCache = false;
		if (options.wasmBinary) wasm.wasmBinary = options.wasmBinary;
	}
	const onProgress = options.onProgress;
	const classify = await pipeline('text-classification', model, {
		// Node runs fp32 on onnxruntime-node by default; the browser's wasm default is q8. Pinning
		// q8 makes both fetch the same (smaller) file.
		dtype: 'q8',
		...(onProgress
			? {
					progress_callback: (info: { status: string; file?: string; progress?: number }) => {
						const status = info.status;
						if (status === 'initiate' || status === 'download' || status === 'progress' || status === 'done' || status === 'ready') {
							onProgress({ status, ...(info.file ? { file: info.file } : {}), ...(typeof info.progress === 'number' ? { progress: info.progress } : {}) });
						}
					},
				}
			: {}),
	});
	return async (texts) => {
		const out: unknown = await classify([...texts]);
		const items = Array.isArray(out) ? out : [out];
		if (items.length !== texts.length) throw new Error(`${model} answered ${items.length} results for ${texts.length} texts`);
		return items.map((item) => verdictOf(item, model));
	};
}
