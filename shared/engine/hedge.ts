import type { Clock } from './ports';

export type Run<T> = (signal: AbortSignal) => Promise<T>;

/**
 * Hedged request: start `first`; if nothing has settled after `delayMs`, start the one run
 * `next()` offers as well. The first success wins and the others are aborted (reported to
 * `onAbandoned` by label). A failure while another run is pending is handed to `onLost` and
 * the wait goes on; the last failure is returned.
 */
export async function hedged<T extends { readonly ok: boolean }>(
  first: { readonly label: string; readonly run: Run<T> },
  next: () => { readonly label: string; readonly run: Run<T> } | undefined,
  delayMs: number,
  clock: Clock,
  onLost: (result: T) => void,
  onAbandoned: (label: string) => void,
): Promise<T> {
  const controllers = new Map<number, { label: string; controller: AbortController }>();
  const pending = new Map<number, Promise<{ id: number; result: T }>>();
  let seq = 0;
  const launch = ({ label, run }: { label: string; run: Run<T> }) => {
    const id = seq++;
    const controller = new AbortController();
    controllers.set(id, { label, controller });
    pending.set(id, run(controller.signal).then((result) => ({ id, result })));
  };

  launch(first);
  let armed = true;
  let timer: ReturnType<Clock['setTimeout']> | undefined;
  const fire = new Promise<'hedge'>((resolve) => {
    timer = clock.setTimeout(() => resolve('hedge'), delayMs);
  });
  try {
    for (;;) {
      const settled = await Promise.race(armed ? [...pending.values(), fire] : [...pending.values()]);
      if (settled === 'hedge') {
        armed = false;
        const run = next();
        if (run) launch(run);
        continue;
      }
      pending.delete(settled.id);
      controllers.delete(settled.id);
      if (settled.result.ok || pending.size === 0) {
        for (const { label, controller } of controllers.values()) {
          controller.abort();
          onAbandoned(label);
        }
        return settled.result;
      }
      onLost(settled.result);
    }
  } finally {
    if (timer) clock.clearTimeout(timer);
  }
}
