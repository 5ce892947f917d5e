/**
 * Plain text from the HTML that feeds put in titles and summaries. No DOM: tags are stripped,
 * the common named and numeric entities are decoded ONCE (so `&amp;lt;` stays `&lt;`, never `<`),
 * whitespace collapses. Unknown entities (`&lol2;` from a DOCTYPE that was never expanded) stay
 * as written.
 */

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  middot: '·',
  bull: '•',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  deg: '°',
  times: '×',
};

const ENTITY = /&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g;

function codePoint(n: number): string | undefined {
  // No NUL, no surrogates, nothing past Unicode.
  if (!Number.isInteger(n) || n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return undefined;
  return String.fromCodePoint(n);
}

/** Decodes named (the common set) and numeric entities in one pass; anything else is left as is. */
export function decodeEntities(s: string): string {
  return s.replace(ENTITY, (whole, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return codePoint(Number.parseInt(body.slice(2), 16)) ?? whole;
    if (body.startsWith('#')) return codePoint(Number.parseInt(body.slice(1), 10)) ?? whole;
    return NAMED[body] ?? whole;
  });
}

/** Elements whose content is never text a reader should see. */
const HIDDEN = /<(script|style|head|template)\b[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>[\s\S]*?<\/\1\s*>/gi;
/** Comments, CDATA markers, tags (attributes may hold `>` only inside quotes). */
const MARKUP = /<!--[\s\S]*?-->|<!\[CDATA\[|\]\]>|<\/?[a-zA-Z][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>/g;
/** Block-level tags end a line of text; replacing them with a space keeps words apart. */
const BLOCK = /<\/?(p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|figure|figcaption)\b[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>/gi;

/** Longer input is cut first: no summary needs more, and it bounds the regex work. */
const MAX_INPUT = 64_000;

/** HTML (or plain text with entities) to one line of plain text. */
export function htmlToText(html: string): string {
  const stripped = html.slice(0, MAX_INPUT).replace(HIDDEN, ' ').replace(BLOCK, ' ').replace(MARKUP, '');
  return decodeEntities(stripped).replace(/\s+/g, ' ').trim();
}

/** Plain text cut at a word boundary to at most `max` characters, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
