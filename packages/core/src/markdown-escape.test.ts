import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { escapeMarkdown, markdownCell, nestMarkdown } from './markdown-escape.js';
import { markdownText, parseMarkdown } from './markdown.js';

/** What a renderer shows for `source`: the kit's own parser, text only. */
const shown = (source: string) => markdownText(parseMarkdown(source));

describe('markdown escaping', () => {
  it('keeps plain text as typed: no markup, links, HTML or entities', () => {
    for (const text of [
      '**not bold** and _not em_ and `not code`',
      '[not a link](javascript:alert(1)) <script>alert(1)</script>',
      '# not a heading',
      '- not a list',
      '1. not a list',
      '> not a quote',
      'a | b | c',
      'AT&amp;T \\ backslash ~~strike~~',
      '日本語の **テキスト**',
    ]) {
      assert.equal(shown(escapeMarkdown(text)), text, text);
      assert.equal(shown(`- ${escapeMarkdown(text)}`), text, `in a list item: ${text}`);
    }
  });

  it('puts a text on one line', () => {
    assert.equal(escapeMarkdown('  two\n\nlines  '), 'two lines');
  });

  it('keeps Markdown in a table cell, escaping only what would end the cell', () => {
    assert.equal(markdownCell('queue **420**\nsee a|b and c\\|d'), 'queue **420** see a\\|b and c\\|d');
    const table = parseMarkdown(`| h |\n|---|\n| ${markdownCell('x | y')} |`)[0];
    assert.equal(table?.type, 'table');
    assert.equal(shown(`| h |\n|---|\n| ${markdownCell('x | y')} |`), 'h\nx | y');
  });

  it('moves headings in a body below a given level, leaving code alone', () => {
    const body = '# One\ntext\n## Two\n```\n# code\n```\n~~~~\n# more code\n~~~~\n###### Six\n#nospace';
    assert.equal(nestMarkdown(body, 2), '### One\ntext\n#### Two\n```\n# code\n```\n~~~~\n# more code\n~~~~\n###### Six\n#nospace');
    assert.equal(nestMarkdown('\r\n  ## Windows\r\n', 1), '### Windows');
  });
});
