import type { Store } from './index';

/** The in-memory store: values are structured-cloned so callers never share mutable state with it. */
export class MemoryStore implements Store {
  readonly #data = new Map<string, unknown>();

  async get<T>(key: string): Promise<T | undefined> {
    const v = this.#data.get(key);
    return v === undefined ? undefined : (structuredClone(v) as T);
  }

  async set<T>(key: string, value: T): Promise<void> {
    this.#data.set(key, structuredClone(value));
  }

  async delete(key: string): Promise<void> {
    this.#data.delete(key);
  }

  async keys(prefix: string): Promise<string[]> {
    return [...this.#data.keys()].filter((k) => k.startsWith(prefix));
  }
}
