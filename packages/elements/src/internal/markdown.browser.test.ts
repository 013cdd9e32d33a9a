import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { parseMarkdown } from '@hansei/core';
import { renderMarkdown } from './markdown.js';

/** Renders `source` into a fresh element and returns it. */
function show(source: string): HTMLElement {
  const host = document.createElement('div');
  host.className = 'markdown';
  document.body.append(host);
  render(renderMarkdown(source), host);
  return host;
}

/** The rendered tree as tags only (no Lit comment markers, no text), to compare structure. */
function tags(node: Element): string {
  return [...node.children].map((child) => `<${child.localName}>${tags(child)}</${child.localName}>`).join('');
}

describe('renderMarkdown', () => {
  afterEach(() => {
    document.querySelectorAll('body > .markdown').forEach((n) => n.remove());
  });

  it('renders every block and inline shape as elements, never as HTML text', () => {
    const el = show(
      [
        '# Heading',
        'Some *em*, **strong**, `code` and [a link](https://example.com "Title").',
        '- one\n- two\n  1. nested',
        '3. three\n4. four',
        '> quoted',
        '```\n<b>not bold</b>\n```',
        '---',
        '| a | b |\n|---|--:|\n| 1 | 2 |',
      ].join('\n\n'),
    );
    expect(tags(el)).to.equal(
      '<p><strong></strong></p><p><em></em><strong></strong><code></code><a></a></p>' +
        '<ul><li><span></span></li><li><span></span><ol><li><span></span></li></ol></li></ul>' +
        '<ol><li><span></span></li><li><span></span></li></ol>' +
        '<blockquote><p></p></blockquote><pre><code></code></pre><hr></hr>' +
        '<div><table><thead><tr><th></th><th></th></tr></thead><tbody><tr><td></td><td></td></tr></tbody></table></div>',
    );
    expect(el.querySelector('p > strong')!.textContent).to.equal('Heading');
    const link = el.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('https://example.com');
    expect(link.getAttribute('title')).to.equal('Title');
    expect(link.getAttribute('rel')).to.contain('noopener');
    expect(el.querySelectorAll('ol')[1]!.getAttribute('start')).to.equal('3');
    expect(el.querySelector('ul ol')!.hasAttribute('start')).to.equal(false);
    expect(el.querySelector('pre code')!.textContent).to.equal('<b>not bold</b>');
    expect(el.querySelector('pre b')).to.equal(null);
    expect(el.querySelectorAll('th')[1]!.className).to.equal('md-right');
    expect(el.querySelector('.md-table')!.getAttribute('tabindex')).to.equal('0');
    expect(el.querySelector('th')!.getAttribute('scope')).to.equal('col');
  });

  it('renders loose list items as paragraphs and a link without a title without one', () => {
    const el = show('- a\n\n- b <https://a.example>');
    expect(el.querySelectorAll('li > p').length).to.equal(2);
    expect(el.querySelector('a')!.hasAttribute('title')).to.equal(false);
  });

  it('takes blocks already parsed', () => {
    const host = document.createElement('div');
    render(renderMarkdown(parseMarkdown('**pre-parsed**')), host);
    expect(host.querySelector('strong')!.textContent).to.equal('pre-parsed');
  });

  it('keeps markup, event handlers and script URLs inert', () => {
    const hostile = [
      '<script>window.__mdPwned = 1</script>',
      '<img src=x onerror="window.__mdPwned = 2">',
      '<svg onload="window.__mdPwned = 3"></svg>',
      '[x](javascript:window.__mdPwned=4) [y](data:text/html;base64,PHNjcmlwdD4=) [z](vbscript:x)',
      '<a href="javascript:window.__mdPwned=5">a</a>',
      '&lt;script&gt;alert(1)&lt;/script&gt; &#60;img src=x onerror=alert(1)&#62;',
      '[t](https://ok.example "\\" onmouseover=\\"window.__mdPwned=6")',
    ].join('\n\n');
    const el = show(hostile);
    expect(el.querySelectorAll('script, img, svg, iframe').length).to.equal(0);
    const anchors = [...el.querySelectorAll('a')];
    expect(anchors.map((a) => a.getAttribute('href'))).to.deep.equal(['https://ok.example']);
    expect(anchors[0]!.hasAttribute('onmouseover')).to.equal(false);
    expect(anchors[0]!.getAttribute('title')).to.equal('" onmouseover="window.__mdPwned=6');
    for (const node of el.querySelectorAll('*')) {
      for (const attr of node.attributes) expect(attr.name.startsWith('on'), `${node.localName} ${attr.name}`).to.equal(false);
    }
    expect(el.textContent).to.contain('<script>window.__mdPwned = 1</script>');
    expect(el.textContent).to.contain('<script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect((window as { __mdPwned?: number }).__mdPwned).to.equal(undefined);
  });

  it('renders a 10,000 character body with very long words inside a narrow box', () => {
    const el = show(`${'a'.repeat(5000)} ${'word '.repeat(1000)}`);
    el.style.inlineSize = '200px';
    const style = document.createElement('style');
    style.textContent = '.markdown { overflow-wrap: anywhere; }';
    el.prepend(style);
    expect(el.textContent.length).to.be.greaterThan(10_000);
    expect(el.scrollWidth).to.be.at.most(200);
  });
});
