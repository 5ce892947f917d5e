import { z } from 'zod';

/**
 * Imported first by every browser entry (app/hooks.client.ts, worker/engine.worker.ts), before any
 * schema is built. zod 4 probes `new Function('')` to decide whether to compile fast object
 * parsers; under the page CSP (no 'unsafe-eval') the probe fails anyway, but it also files a CSP
 * violation report every time. jitless skips the probe: the same parsing, no report, so a report
 * always means something real (tests/e2e/xss.spec.ts asserts there are none).
 */
z.config({ jitless: true });
