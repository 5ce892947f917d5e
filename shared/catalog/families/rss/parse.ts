import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';

/**
 * RSS 2.0 and Atom to a flat list of entries. The XML parser never expands entities:
 * `processEntities: false` leaves `&name;` references as literal text (a DOCTYPE's ENTITY
 * declarations are read but never substituted, so a billion-laughs body stays small), and a
 * DOCTYPE declaring an external (SYSTEM/PUBLIC) entity is refused outright by the parser, so
 * nothing is ever fetched or read. Entities in text are decoded later, once, by `htmlToText`.
 */
const parser = new XMLParser({
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => REPEATED.has(name),
});
const REPEATED = new Set(['item', 'entry', 'link']);

/** Parsed XML, or a zod issue when the body is not well-formed (or declares an external entity). */
export const Xml = z.string().transform((body, ctx): unknown => {
  try {
    return parser.parse(body, true);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: `not well-formed XML: ${e instanceof Error ? e.message : String(e)}` });
    return z.NEVER;
  }
});

/** An element's text: a bare string, or `#text` beside attributes (`<guid isPermaLink="false">…`). */
const Text = z.union([z.string(), z.looseObject({ '#text': z.string().optional() })]).optional();
type Text = z.infer<typeof Text>;
const text = (t: Text): string => (typeof t === 'string' ? t : (t?.['#text'] ?? ''));

const RssItem = z.looseObject({
  title: Text,
  link: z.array(Text).optional(),
  guid: Text,
  pubDate: Text,
  'dc:date': Text,
  description: Text,
  'content:encoded': Text,
});
const Rss = z.object({ rss: z.object({ channel: z.looseObject({ title: Text, item: z.array(RssItem).optional() }) }) });

const AtomLink = z.union([z.string(), z.looseObject({ '@_href': z.string().optional(), '@_rel': z.string().optional() })]);
const AtomEntry = z.looseObject({
  id: Text,
  title: Text,
  link: z.array(AtomLink).optional(),
  published: Text,
  updated: Text,
  summary: Text,
  content: Text,
});
const Atom = z.object({ feed: z.looseObject({ title: Text, entry: z.array(AtomEntry).optional() }) });

/** One entry as the feed wrote it: strings still carry HTML and entities. */
export interface FeedEntry {
  readonly id: string;
  readonly title: string;
  readonly link: string;
  readonly date: string;
  readonly summary: string;
}

const atomHref = (links: z.infer<typeof AtomLink>[] = []): string => {
  const hrefs = links.map((l) => (typeof l === 'string' ? { href: l, rel: 'alternate' } : { href: l['@_href'] ?? '', rel: l['@_rel'] ?? 'alternate' }));
  return (hrefs.find((l) => l.rel === 'alternate') ?? hrefs[0])?.href ?? '';
};

/** The raw schema of a feed body: XML text -> RSS or Atom -> entries. */
export const Feed = Xml.pipe(z.union([Rss, Atom])).transform((doc): FeedEntry[] => {
  if ('rss' in doc) {
    return (doc.rss.channel.item ?? []).map((i) => {
      const link = text(i.link?.[0]);
      return {
        id: text(i.guid) || link,
        title: text(i.title),
        link,
        date: text(i.pubDate) || text(i['dc:date']),
        summary: text(i.description) || text(i['content:encoded']),
      };
    });
  }
  return (doc.feed.entry ?? []).map((e) => {
    const link = atomHref(e.link);
    return { id: text(e.id) || link, title: text(e.title), link, date: text(e.published) || text(e.updated), summary: text(e.summary) || text(e.content) };
  });
});
