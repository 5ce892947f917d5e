/** Where the e2e demos listen (playwright.config.ts starts them; specs call their simulators). */
export const E2E = {
  proxy: { port: Number(process.env.E2E_PORT ?? 4173), simPort: Number(process.env.E2E_SIM_PORT ?? 4174) },
  direct: { port: Number(process.env.E2E_DIRECT_PORT ?? 4175), simPort: Number(process.env.E2E_DIRECT_SIM_PORT ?? 4176) },
  /** The demos' admin token (a test value, not a secret). */
  adminToken: 'e2e-admin-token',
  /** A stand-in key for keyed providers on the simulator (which accepts any). */
  fakeKey: 'not-a-real-key-e2e',
} as const;

export type E2EMode = 'proxy' | 'direct';

/** The simulator behind the project a test runs in. */
export const simUrl = (project: string): string => `http://127.0.0.1:${project.startsWith('direct') ? E2E.direct.simPort : E2E.proxy.simPort}`;
export const modeOf = (project: string): E2EMode => (project.startsWith('direct') ? 'direct' : 'proxy');
