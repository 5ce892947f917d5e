import type { Clock, HttpResponse, Random, Secrets, TimerHandle, Transport } from './index';

// The real ports. This is the one place in the engine allowed to read the wall clock,
// Math.random and fetch; homes pass these in, tests pass fakes.

const handles = new Map<number, ReturnType<typeof globalThis.setTimeout>>();
let seq = 0;

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(fn, ms): TimerHandle {
    const id = ++seq;
    const h = globalThis.setTimeout(() => {
      handles.delete(id);
      fn();
    }, ms);
    handles.set(id, h);
    return { id };
  },
  clearTimeout(handle) {
    const h = handles.get(handle.id);
    if (h !== undefined) {
      globalThis.clearTimeout(h);
      handles.delete(handle.id);
    }
  },
};

export const systemRandom: Random = { next: () => Math.random() };

/** Largest body the engine will read from a provider; bigger answers are refused, not buffered. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export const fetchTransport: Transport = {
  async fetch(request, { signal }): Promise<HttpResponse> {
    const res = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      signal,
      redirect: 'follow',
    });
    const declared = Number(res.headers.get('content-length') ?? '0');
    if (declared > MAX_BODY_BYTES) {
      await res.body?.cancel();
      throw new Error(`response too large (${declared} bytes)`);
    }
    const body = await res.text();
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    return { status: res.status, headers, body };
  },
};

/** Reads keys from an env-like record: for `ETHERSCAN_KEY` it takes `ETHERSCAN_KEY`, `ETHERSCAN_KEY_1`, `_2`, … */
export function envSecrets(env: Readonly<Record<string, string | undefined>>): Secrets {
  return {
    keys(names) {
      const out: string[] = [];
      for (const name of names) {
        const base = env[name];
        if (base) out.push(base);
        for (let i = 1; i < 100; i++) {
          const v = env[`${name}_${i}`];
          if (!v) break;
          out.push(v);
        }
      }
      return [...new Set(out)];
    },
  };
}

export const noSecrets: Secrets = { keys: () => [] };
