import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_NESTING, markdownText, parseMarkdown, safeHref, type MdBlock, type MdInline } from './markdown.js';

/** The tree as compact HTML-like text, to compare with CommonMark's expected output. */
function show(blocks: readonly MdBlock[]): string {
  return blocks.map((b) => block(b)).join('');
}
function block(b: MdBlock, tight = false): string {
  switch (b.type) {
    case 'paragraph':
      return tight ? inline(b.children) : `<p>${inline(b.children)}</p>`;
    case 'heading':
      return `<h${b.level}>${inline(b.children)}</h${b.level}>`;
    case 'code':
      return `<pre${b.lang ? ` lang="${b.lang}"` : ''}>${b.text}</pre>`;
    case 'quote':
      return `<blockquote>${show(b.children)}</blockquote>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      const start = b.ordered && b.start !== 1 ? ` start="${b.start}"` : '';
      return `<${tag}${start}>${b.items.map((item) => `<li>${item.map((x) => block(x, b.tight)).join('')}</li>`).join('')}</${tag}>`;
    }
    case 'rule':
      return '<hr>';
    case 'table': {
      const row = (cells: readonly (readonly MdInline[])[], tag: string) =>
        `<tr>${cells.map((c, i) => `<${tag}${b.align[i] ? ` ${b.align[i]}` : ''}>${inline(c)}</${tag}>`).join('')}</tr>`;
      return `<table>${row(b.head, 'th')}${b.rows.map((r) => row(r, 'td')).join('')}</table>`;
    }
  }
}
function inline(nodes: readonly MdInline[]): string {
  return nodes
    .map((n) => {
      switch (n.type) {
        case 'text':
          return n.text;
        case 'code':
          return `<code>${n.text}</code>`;
        case 'break':
          return '<br>';
        case 'em':
        case 'strong':
          return `<${n.type}>${inline(n.children)}</${n.type}>`;
        case 'link':
          return `<a href="${n.href}"${n.title === null ? '' : ` title="${n.title}"`}>${inline(n.children)}</a>`;
      }
    })
    .join('');
}
const md = (source: string, breaks = true) => show(parseMarkdown(source, { breaks }));

/** Every link in a tree. */
function links(blocks: readonly MdBlock[]): string[] {
  const found: string[] = [];
  const walkInline = (nodes: readonly MdInline[]): void => {
    for (const n of nodes) {
      if (n.type === 'link') found.push(n.href);
      if ('children' in n) walkInline(n.children);
    }
  };
  const walk = (bs: readonly MdBlock[]): void => {
    for (const b of bs) {
      if (b.type === 'paragraph' || b.type === 'heading') walkInline(b.children);
      else if (b.type === 'quote') walk(b.children);
      else if (b.type === 'list') b.items.forEach(walk);
      else if (b.type === 'table') [b.head, ...b.rows].forEach((r) => r.forEach(walkInline));
    }
  };
  walk(blocks);
  return found;
}

/** How deep a tree nests (blocks and inlines together). */
function depth(blocks: readonly MdBlock[]): number {
  const inl = (nodes: readonly MdInline[]): number => Math.max(0, ...nodes.map((n) => ('children' in n ? 1 + inl(n.children) : 0)));
  return Math.max(
    0,
    ...blocks.map((b) => {
      if (b.type === 'paragraph' || b.type === 'heading') return inl(b.children);
      if (b.type === 'quote') return 1 + depth(b.children);
      if (b.type === 'list') return 1 + Math.max(0, ...b.items.map(depth));
      return 0;
    }),
  );
}

describe('markdown: blocks', () => {
  it('splits paragraphs on blank lines and keeps line breaks', () => {
    assert.equal(md('one\ntwo\n\nthree'), '<p>one<br>two</p><p>three</p>');
    assert.equal(md('one\ntwo', false), '<p>one\ntwo</p>');
    assert.equal(md('one  \ntwo', false), '<p>one<br>two</p>');
    assert.equal(md('one\\\ntwo', false), '<p>one<br>two</p>');
    assert.equal(md('  lead and trail  '), '<p>lead and trail</p>');
    assert.equal(md('a\r\nb\rc'), '<p>a<br>b<br>c</p>');
    assert.equal(md(''), '');
    assert.equal(md('\n\n  \n'), '');
  });

  it('reads ATX and setext headings', () => {
    assert.equal(md('# One\n## Two ##\n###### Six'), '<h1>One</h1><h2>Two</h2><h6>Six</h6>');
    assert.equal(md('#hashtag and ####### seven'), '<p>#hashtag and ####### seven</p>');
    assert.equal(md('Title\n===\n\nSub\n---'), '<h1>Title</h1><h2>Sub</h2>');
  });

  it('reads fenced and indented code verbatim', () => {
    assert.equal(md('```ts\nconst a = *b*;\n<b>&amp;\n```'), '<pre lang="ts">const a = *b*;\n<b>&amp;</pre>');
    assert.equal(md('~~~~\n```\n~~~~'), '<pre>```</pre>');
    assert.equal(md('```\nunclosed\n\nstill code'), '<pre>unclosed\n\nstill code</pre>');
    assert.equal(md('    indented\n      more\n\n    again\n\nafter'), '<pre>indented\n  more\n\nagain</pre><p>after</p>');
    assert.equal(md('para\n    not code'), '<p>para<br>not code</p>');
    assert.equal(md('\tTabbed'), '<pre>Tabbed</pre>');
    assert.equal(md('``` not `a` fence'), '<p>``` not <code>a</code> fence</p>');
  });

  it('reads block quotes, nested and lazy', () => {
    assert.equal(md('> quoted\nlazy\n\n> > nested'), '<blockquote><p>quoted<br>lazy</p></blockquote><blockquote><blockquote><p>nested</p></blockquote></blockquote>');
    assert.equal(md('> # Head\n> - item'), '<blockquote><h1>Head</h1><ul><li>item</li></ul></blockquote>');
  });

  it('reads bullet and numbered lists, tight and loose, nested', () => {
    assert.equal(md('- a\n- b\n  - c\n* other'), '<ul><li>a</li><li>b<ul><li>c</li></ul></li></ul><ul><li>other</li></ul>');
    assert.equal(md('1. one\n2. two\n\n3) three'), '<ol><li>one</li><li>two</li></ol><ol start="3"><li>three</li></ol>');
    assert.equal(md('- a\n\n- b'), '<ul><li><p>a</p></li><li><p>b</p></li></ul>');
    assert.equal(md('- a\ncontinued\n- b\n\n  second paragraph'), '<ul><li><p>a<br>continued</p></li><li><p>b</p><p>second paragraph</p></li></ul>');
    assert.equal(md('Incident 2023\n14. is not a list'), '<p>Incident 2023<br>14. is not a list</p>');
    assert.equal(md('text\n- interrupts'), '<p>text</p><ul><li>interrupts</li></ul>');
    assert.equal(md('-not a list\n\n-\n'), '<p>-not a list</p><ul><li></li></ul>');
    assert.equal(md('-not a list\n-'), '<h2>-not a list</h2>');
    assert.equal(md('- ```\n  code\n  ```'), '<ul><li><pre>code</pre></li></ul>');
  });

  it('reads thematic breaks', () => {
    assert.equal(md('a\n\n***\n- - -\n___'), '<p>a</p><hr><hr><hr>');
  });

  it('reads pipe tables with alignment, escaped pipes and short rows', () => {
    assert.equal(
      md('| Time | Event | n |\n|:--|:-:|--:|\n| 09:00 | `a\\|b` *x* |\n| 10:00 | c | 1 | extra |\n\nafter'),
      '<table><tr><th left>Time</th><th center>Event</th><th right>n</th></tr><tr><td left>09:00</td><td center><code>a|b</code> <em>x</em></td><td right></td></tr><tr><td left>10:00</td><td center>c</td><td right>1</td></tr></table><p>after</p>',
    );
    assert.equal(md('a | b\n--|--'), '<table><tr><th>a</th><th>b</th></tr></table>');
    assert.equal(md('a | b\n--|--|--'), '<p>a | b<br>--|--|--</p>');
  });
});

describe('markdown: inlines', () => {
  it('reads emphasis and strong with CommonMark delimiter rules', () => {
    const cases: [string, string][] = [
      ['*a* _b_ **c** __d__', '<em>a</em> <em>b</em> <strong>c</strong> <strong>d</strong>'],
      ['***both***', '<em><strong>both</strong></em>'],
      ['*a **b** c*', '<em>a <strong>b</strong> c</em>'],
      ['**a *b* c**', '<strong>a <em>b</em> c</strong>'],
      ['*(*foo*)*', '<em>(<em>foo</em>)</em>'],
      ['**foo*bar*baz**', '<strong>foo<em>bar</em>baz</strong>'],
      ['*foo**bar**baz*', '<em>foo<strong>bar</strong>baz</em>'],
      ['foo*bar*', 'foo<em>bar</em>'],
      ['snake_case_name and 2*3*4', 'snake_case_name and 2<em>3</em>4'],
      ['x * not emphasis *', 'x * not emphasis *'],
      ['a * b * c', 'a * b * c'],
      ['**unclosed *and* more', '**unclosed <em>and</em> more'],
      ['*foo**', '<em>foo</em>*'],
      ['_foo_bar_', '<em>foo_bar</em>'],
      ['__foo, __bar__, baz__', '<strong>foo, <strong>bar</strong>, baz</strong>'],
    ];
    for (const [source, expected] of cases) assert.equal(md(source), `<p>${expected}</p>`, source);
  });

  it('reads emphasis next to Japanese punctuation', () => {
    assert.equal(md('**「重要」**です'), '<p><strong>「重要」</strong>です</p>');
    assert.equal(md('これは**重要**です'), '<p>これは<strong>重要</strong>です</p>');
    assert.equal(md('変数_名_です'), '<p>変数_名_です</p>');
  });

  it('reads code spans', () => {
    assert.equal(md('`a` ``b ` c`` ` `` ` `x  y`'), '<p><code>a</code> <code>b ` c</code> <code>``</code> <code>x  y</code></p>');
    assert.equal(md('`<b>*no*</b>`'), '<p><code><b>*no*</b></code></p>');
    assert.equal(md('`unclosed *em*'), '<p>`unclosed <em>em</em></p>');
    assert.equal(md('`multi\nline`'), '<p><code>multi line</code></p>');
  });

  it('reads escapes and character references', () => {
    assert.equal(md('\\*not\\* \\\\ \\a'), '<p>*not* \\ \\a</p>');
    assert.equal(md('&amp; &lt;b&gt; &quot;&apos; &#65;&#x42; &#0; &#xD800; &copy; &nosuch; & alone'), '<p>& <b> "\' AB \uFFFD \uFFFD &copy; &nosuch; & alone</p>');
  });

  it('makes links only to http, https and mailto URLs', () => {
    assert.equal(md('[site](https://example.com/a?b=c#d "Title")'), '<p><a href="https://example.com/a?b=c#d" title="Title">site</a></p>');
    assert.equal(md('[mail](mailto:ops@example.com) [plain](<http://example.com/a b>)'), '<p><a href="mailto:ops@example.com">mail</a> <a href="http://example.com/a%20b">plain</a></p>');
    assert.equal(md('[wiki](https://en.wikipedia.org/wiki/Foo_(bar))'), '<p><a href="https://en.wikipedia.org/wiki/Foo_(bar)">wiki</a></p>');
    assert.equal(md('[*em* and `code`](https://a.example)'), '<p><a href="https://a.example"><em>em</em> and <code>code</code></a></p>');
    assert.equal(md('[relative](/incidents/1) [none]() [brackets] [x] (y)'), '<p>relative none [brackets] [x] (y)</p>');
  });

  it('autolinks angle-bracket and bare URLs, leaving trailing punctuation out', () => {
    assert.equal(md('<https://a.example/x> <ops@example.com> <ftp://a.example>'), '<p><a href="https://a.example/x">https://a.example/x</a> <a href="mailto:ops@example.com">ops@example.com</a> <ftp://a.example></p>');
    assert.equal(
      md('See https://grafana.example/d/api_latency?x=1. (https://a.example/b_(c)) **https://b.example**, https://c.example!'),
      '<p>See <a href="https://grafana.example/d/api_latency?x=1">https://grafana.example/d/api_latency?x=1</a>. (<a href="https://a.example/b_(c)">https://a.example/b_(c)</a>) <strong><a href="https://b.example">https://b.example</a></strong>, <a href="https://c.example">https://c.example</a>!</p>',
    );
    assert.equal(md('xhttps://a.example and https:// alone'), '<p>xhttps://a.example and https:// alone</p>');
  });

  it('shows an image as a link to it, never as an image', () => {
    assert.equal(md('![diagram](https://a.example/d.png)'), '<p>!<a href="https://a.example/d.png">diagram</a></p>');
  });

  it('never nests a link in a link', () => {
    assert.equal(md('[see https://a.example](https://b.example)'), '<p><a href="https://b.example">see https://a.example</a></p>');
    assert.equal(md('[a [b](https://b.example) c](https://c.example)'), '<p>[a <a href="https://b.example">b</a> c](<a href="https://c.example">https://c.example</a>)</p>');
  });
});

describe('markdown: hostile input', () => {
  it('keeps raw HTML as text', () => {
    const source = '<script>alert(1)</script>\n<img src=x onerror="alert(1)">\n<a href="javascript:alert(1)">x</a>';
    const blocks = parseMarkdown(source);
    assert.deepEqual(links(blocks), []);
    assert.equal(markdownText(blocks), source);
  });

  it('refuses script, data and obfuscated URLs everywhere', () => {
    const hostile = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'javascript&#58;alert(1)',
      'java&#x09;script:alert(1)',
      '&#106;avascript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'vbscript:msgbox(1)',
      '//evil.example',
      '/relative',
      'https:evil.example',
      'file:///etc/passwd',
    ];
    for (const url of hostile) {
      const source = `[click](${url}) <${url}> [t](<${url}>)`;
      const blocks = parseMarkdown(source);
      assert.deepEqual(links(blocks), [], url);
      assert.ok(markdownText(blocks).includes('click'), url);
    }
    assert.deepEqual(links(parseMarkdown('[x](https://ok.example "a\\" onmouseover=\\"alert(1)")')), ['https://ok.example']);
  });

  it('checks URLs strictly', () => {
    assert.equal(safeHref(' https://a.example/x '), 'https://a.example/x');
    assert.equal(safeHref('HTTPS://A.EXAMPLE'), 'HTTPS://A.EXAMPLE');
    assert.equal(safeHref('mailto:a@b.example'), 'mailto:a@b.example');
    for (const bad of ['', 'https://', 'https:///x', 'http:\\\\evil', 'https://a.ex\tample', 'https://a.ex\nample', 'https://a\u0000b', 'mailto:', ' javascript:x', 'https://a\u00a0b']) {
      assert.equal(safeHref(bad), null, JSON.stringify(bad));
    }
  });

  it('keeps the text of deep nesting, bounded', () => {
    const quotes = `${'> '.repeat(100)}deep`;
    const blocks = parseMarkdown(quotes);
    assert.ok(depth(blocks) <= MAX_NESTING + 1);
    assert.ok(markdownText(blocks).endsWith('deep'));
    const emphasis = `${'*a '.repeat(50)}b${' c*'.repeat(50)}`;
    const em = parseMarkdown(emphasis);
    assert.ok(depth(em) <= MAX_NESTING);
    assert.equal(markdownText(em).replace(/[* ]/g, ''), emphasis.replace(/[* ]/g, ''));
    const lists = parseMarkdown(`${'- '.repeat(200)}x`);
    assert.ok(depth(lists) <= MAX_NESTING + 1);
    assert.ok(markdownText(lists).includes('x'));
  });

  it('parses 20,000 characters of pathological input quickly', () => {
    const bodies = [
      '*a '.repeat(6000),
      '**a '.repeat(2500) + 'b' + ' c**'.repeat(2500),
      '['.repeat(20000),
      '[a]('.repeat(5000),
      '` ``'.repeat(5000),
      '<a'.repeat(10000),
      '_a*'.repeat(6000),
      'https://a.example/'.repeat(1100),
      `${'x'.repeat(19990)} *y*`,
      `| a ${'| b '.repeat(2000)}\n|-${'|-'.repeat(2000)}`,
      '&amp;'.repeat(4000),
      '\\*'.repeat(10000),
    ];
    for (const body of bodies) {
      const start = performance.now();
      const blocks = parseMarkdown(body);
      const ms = performance.now() - start;
      assert.ok(blocks.length > 0);
      // Generous: linear work is a few milliseconds; quadratic work would take seconds.
      assert.ok(ms < 1000, `${body.slice(0, 10)}... took ${ms.toFixed(0)} ms`);
    }
  });

  it('keeps a 10,000 character body whole', () => {
    const words = Array.from({ length: 1000 }, (_, i) => `word${i}`).join(' ');
    const blocks = parseMarkdown(words + '\n\n' + words);
    assert.equal(markdownText(blocks), `${words}\n${words}`);
  });

  it('replaces NUL characters', () => {
    assert.equal(md('a\u0000b'), '<p>a\uFFFDb</p>');
  });
});

describe('markdownText', () => {
  it('gives the words without markup', () => {
    assert.equal(markdownText(parseMarkdown('# Title\n\n**Bold** [link](https://a.example)\n\n- one\n- `two`\n\n```\ncode\n```\n\n---')), 'Title\nBold link\none\ntwo\ncode\n');
  });
});
