// First, before any schema is built (see the module's comment).
import './zod-jitless';
import { expose } from 'comlink';
import { version } from '../package.json';
import { TAB_CHANNEL } from './tabs';
import { createWorkerApi } from './worker-api';

// The engine's worker: the WorkerApi object, exposed over comlink. Only app/lib/engine/client.ts
// talks to it. Everything else lives in plain modules (worker-api.ts and what it builds).
expose(
	createWorkerApi({
		origin: self.location.origin,
		version,
		...(typeof navigator !== 'undefined' && navigator.locks ? { locks: navigator.locks } : {}),
		...(typeof BroadcastChannel === 'function' ? { channel: () => new BroadcastChannel(TAB_CHANNEL) } : {}),
	}),
);
