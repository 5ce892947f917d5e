/// <reference types="vite/client" />
// onnxruntime-web's wasm runtime, emitted by vite as files of our own origin: the page never
// fetches code from a CDN (transformers' default), and the Cache API keeps the binary offline.
import wasm from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import mjs from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';

export const wasmPaths = { wasm, mjs } as const;

/** Cache API bucket for the runtime binary (the file name carries its content hash). */
const CACHE = 'crypto-monitor-onnx-wasm';

/**
 * The runtime's binary, from the Cache API when there (offline), else fetched once and kept.
 * transformers' own wasm cache would import the factory from a blob: URL, which the page's CSP
 * refuses; handing the binary over directly needs no such script source.
 */
export async function wasmBinary(): Promise<ArrayBuffer | undefined> {
	if (typeof caches === 'undefined') return undefined;
	const cache = await caches.open(CACHE);
	const hit = await cache.match(wasm);
	if (hit) return hit.arrayBuffer();
	const res = await fetch(wasm);
	if (!res.ok) throw new Error(`the model runtime could not be fetched (HTTP ${res.status})`);
	await cache.put(wasm, res.clone());
	return res.arrayBuffer();
}
