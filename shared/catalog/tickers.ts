/**
 * Canonical tickers from a provider's coin tags: upper-cased, deduplicated, and only those the
 * canonical symbol rule accepts (letters and digits, 1–20). A tag that fails is skipped, never fatal.
 */
const TICKER = /^[A-Z0-9]{1,20}$/;

export function tickers(tags: readonly string[], exclude: ReadonlySet<string> = new Set()): string[] {
  const out = new Set<string>();
  for (const tag of tags) {
    const t = tag.trim().toUpperCase();
    if (TICKER.test(t) && !exclude.has(t)) out.add(t);
  }
  return [...out];
}
