import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Loads `.env` (or the file named by CM_ENV_FILE) into the environment when it exists. Variables
 * already set in the environment win over the file, so a deployment can override any line.
 * Returns the file read, or undefined. Values are never printed.
 */
export function loadDotEnv(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string | undefined {
	const file = resolve(cwd, env.CM_ENV_FILE ?? '.env');
	if (!existsSync(file)) {
		if (env.CM_ENV_FILE) throw new Error(`CM_ENV_FILE names a file that does not exist: ${env.CM_ENV_FILE}`);
		return undefined;
	}
	process.loadEnvFile(file);
	return file;
}
