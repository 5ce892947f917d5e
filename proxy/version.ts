import { readFileSync } from 'node:fs';
import { z } from 'zod';

const packageSchema = z.object({ version: z.string() });

/** The version in package.json, read once at startup. */
export function readVersion(packageJsonUrl: URL = new URL('../package.json', import.meta.url)): string {
	return packageSchema.parse(JSON.parse(readFileSync(packageJsonUrl, 'utf8'))).version;
}
