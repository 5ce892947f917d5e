import { describe, expect, it } from 'vitest';
import { clip, decodeEntities, htmlToText } from './text';

describe('htmlToText', () => {
  it('strips tags, drops scripts and styles, collapses whitespace', () => {
    expect(htmlToText('<p style="a>b">Hello <b>world</b></p>\n<script>x()</script><style>p{}</style>  again')).toBe('Hello world again');
  });

  it('keeps words apart across block tags', () => {
    expect(htmlToText('<p>one</p><p>two</p>three<br/>four')).toBe('one two three four');
  });

  it('decodes common named and numeric entities exactly once', () => {
    expect(htmlToText('A &amp; B &lt;3 &#8217;&#x2019; &hellip; &amp;lt;')).toBe('A & B <3 ’’ … &lt;');
  });

  it('leaves unknown and invalid entities as written', () => {
    expect(decodeEntities('&lol9; &#0; &#xD800; &#99999999;')).toBe('&lol9; &#0; &#xD800; &#99999999;');
  });

  it('does not turn escaped markup into tags that are then stripped', () => {
    expect(htmlToText('&lt;b&gt;bold&lt;/b&gt;')).toBe('<b>bold</b>');
  });
});

describe('clip', () => {
  it('cuts at a word boundary with an ellipsis', () => {
    expect(clip('alpha beta gamma delta', 12)).toBe('alpha beta…');
    expect(clip('short', 12)).toBe('short');
  });
});
