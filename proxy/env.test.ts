import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDotEnv } from './env';

const touched = ['CM_TEST_DOTENV_A', 'CM_TEST_DOTENV_B'];
afterEach(() => {
	for (const k of touched) delete process.env[k];
});

describe('loadDotEnv', () => {
	it('reads .env from the working folder, and the environment wins over the file', () => {
		const dir = mkdtempSync(join(tmpdir(), 'cm-env-'));
		writeFileSync(join(dir, '.env'), 'CM_TEST_DOTENV_A=from-file\nCM_TEST_DOTENV_B=also-file\n');
		process.env.CM_TEST_DOTENV_A = 'from-env';
		expect(loadDotEnv(process.env, dir)).toBe(join(dir, '.env'));
		expect(process.env.CM_TEST_DOTENV_A).toBe('from-env');
		expect(process.env.CM_TEST_DOTENV_B).toBe('also-file');
	});

	it('is silent without a .env, and refuses a CM_ENV_FILE that does not exist', () => {
		const dir = mkdtempSync(join(tmpdir(), 'cm-env-'));
		expect(loadDotEnv({}, dir)).toBeUndefined();
		expect(() => loadDotEnv({ CM_ENV_FILE: 'missing.env' }, dir)).toThrow(/does not exist/);
	});
});
