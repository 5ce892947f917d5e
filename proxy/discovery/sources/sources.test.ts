import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allProviders } from '../../../shared/catalog/registry';
import { rpcCandidates } from './chain-registry';
import { SEED_FILE, seedCandidates } from './seed-catalog';
import { CURATED, curatedSource } from '../curated';

const fixture = (id: number): unknown => JSON.parse(readFileSync(new URL(`../../../tests/fixtures/upstream/chain-registry/eip155-${id}.json`, import.meta.url), 'utf8'));
const none = new Set<string>();

describe('chain registry source (real ethereum-lists/chains entries)', () => {
  it('keeps https RPC URLs and drops key placeholders and wss://', () => {
    const urls = rpcCandidates(fixture(1), none).map((c) => c.url);
    expect(urls).toEqual(['https://api.mycryptoapi.com/eth', 'https://cloudflare-eth.com', 'https://ethereum.publicnode.com', 'https://mainnet.gateway.tenderly.co']);
    const arb = rpcCandidates(fixture(42161), none);
    expect(arb.map((c) => c.url)).toEqual(['https://arb1.arbitrum.io/rpc', 'https://arbitrum-one-rpc.publicnode.com', 'https://arbitrum.drpc.org']);
    expect(arb.every((c) => c.chain === 'arbitrum' && c.kind === 'jsonrpc' && c.category === 'rpc')).toBe(true);
  });

  it('maps chain ids to the model\'s chains and reads the registry\'s array form', () => {
    const all = rpcCandidates([1, 56, 137, 42161, 10, 8453].map(fixture), none);
    expect(new Set(all.map((c) => c.chain))).toEqual(new Set(['ethereum', 'bsc', 'polygon', 'arbitrum', 'optimism', 'base']));
    // OP Mainnet lists its one URL with a trailing slash: one endpoint, no slash.
    expect(all.filter((c) => c.chain === 'optimism').map((c) => c.url)).toEqual(['https://mainnet.optimism.io']);
    expect(all.find((c) => c.chain === 'bsc')?.expect).toBe('eth_chainId 0x38');
  });

  it('skips nodes the catalog already has (same URL) and garbage entries', () => {
    const known = new Set(allProviders().map((p) => p.baseUrl.replace(/\/+$/, '')));
    const base = rpcCandidates(fixture(8453), known).map((c) => c.url);
    expect(base).not.toContain('https://mainnet.base.org');
    expect(base).not.toContain('https://base-rpc.publicnode.com');
    expect(base).toContain('https://base.gateway.tenderly.co');
    expect(rpcCandidates([{ chainId: 'x' }, null, 7], none)).toEqual([]);
  });

  it('refuses loopback http unless the test override allows it', () => {
    const doc = { name: 'T', chainId: 1, rpc: ['http://127.0.0.1:9/rpc', 'http://example.com/rpc'] };
    expect(rpcCandidates(doc, none)).toEqual([]);
    expect(rpcCandidates(doc, none, true).map((c) => c.url)).toEqual(['http://127.0.0.1:9/rpc']);
  });
});

describe('seed catalog source (the older system\'s provider list)', () => {
  const doc: unknown = JSON.parse(readFileSync(SEED_FILE, 'utf8'));
  const hosts = new Set(allProviders().map((p) => new URL(p.baseUrl).host));
  const list = seedCandidates(doc, hosts);

  it('lists keyless providers on hosts the catalog does not have', () => {
    expect(list.length).toBeGreaterThan(10);
    expect(list.every((c) => c.kind === 'http' && c.url.startsWith('https://'))).toBe(true);
    expect(list.some((c) => hosts.has(new URL(c.url).host))).toBe(false);
    const names = list.map((c) => c.name);
    // requires_auth: true in the file.
    expect(names).not.toContain('Covalent');
    expect(names).not.toContain('Glassnode');
    // Already in the catalog.
    expect(names).not.toContain('CoinGecko');
  });

  it('probes the first endpoint without a path parameter and maps categories', () => {
    const coincodex = list.find((c) => c.name === 'CoinCodex');
    expect(coincodex).toMatchObject({ url: 'https://coincodex.com/api/coincodex/get_coinlist/', category: 'market' });
    expect(list.some((c) => /[{}]/.test(c.url))).toBe(false);
    expect(list.find((c) => c.name === 'Zerion')?.url).toBe('https://api.zerion.io/v1');
  });
});

describe('curated source', () => {
  it('lists https APIs with what they should answer, skipping known hosts', async () => {
    expect(CURATED.every((c) => c.url.startsWith('https://') && c.expect)).toBe(true);
    const ctx = { fetchText: () => Promise.reject(new Error('no network here')), knownHosts: new Set(['api.bitso.com']), knownUrls: new Set<string>(), allowLoopbackHttp: false };
    const listed = await curatedSource().gather(ctx);
    expect(listed.length).toBe(CURATED.length - 1);
    expect(listed.map((c) => c.name)).not.toContain('Bitso');
  });
});
