export { fetchHealth, formatUptime, healthSchema } from './health';
export type { Health, HealthResult } from './health';
