import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../../shared/model';
import { normalize } from '../../shared/catalog/cli/normalize';
import { loadCases } from '../sim/routes';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (f: string) => fileURLToPath(new URL(`../fixtures/upstream/${f}`, import.meta.url));

function run(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'shared/catalog/cli/normalize.ts', ...args], { cwd: root, encoding: 'utf8' });
}

describe('npm run normalize', () => {
  it('normalizes every recorded success and refuses every recorded error, for every provider', async () => {
    const cases = await loadCases();
    let checked = 0;
    for (const [provider, list] of cases) {
      for (const c of list) {
        const args = ['--provider', provider, '--capability', c.capability, '--file', fixture(c.fixture), '--params', JSON.stringify(c.params ?? {}), '--status', String(c.status ?? 200)];
        if (c.fails) {
          expect(() => normalize(args), `${provider} ${c.fixture}`).toThrow(c.fails);
        } else {
          const out: unknown = JSON.parse(normalize(args));
          expect(CAPABILITIES[c.capability].result.safeParse(out).success, `${provider} ${c.fixture}`).toBe(true);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('prints the canonical JSON on stdout and exits 0', () => {
    const r = run(['--provider', 'coingecko', '--capability', 'price', '--file', fixture('coingecko/simple-price-bitcoin-usd.json'), '--params', '{"symbols":["BTC"]}']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject([{ symbol: 'BTC', vs: 'USD', price: 7984.89 }]);
  });

  it('prints one clear line on stderr and exits 1 for an error body', () => {
    const r = run(['--provider', 'coingecko', '--capability', 'price', '--file', fixture('coingecko/error-429-rate-limit.json'), '--status', '429', '--params', '{"symbols":["ETH"]}']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^normalize: coingecko price: rate_limited/);
  });

  it('explains bad arguments in one line with no stack trace', () => {
    for (const args of [
      ['--provider', 'nope', '--capability', 'price', '--file', 'x'],
      ['--provider', 'coingecko', '--capability', 'price', '--file', fixture('coingecko/global.json'), '--params', '{not json'],
      ['--provider', 'coingecko', '--capability', 'gas', '--file', 'x'],
      ['--provider', 'coingecko', '--capability', 'global', '--file', '/no/such/file'],
    ]) {
      const r = run(args);
      expect(r.status).toBe(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
