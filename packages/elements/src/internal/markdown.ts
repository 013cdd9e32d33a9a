/**
 * Markdown for the elements: the syntax tree from @hansei/core's `parseMarkdown` rendered as Lit
 * templates. Nothing here parses HTML or sets `innerHTML`: every piece of text is a text binding
 * (escaped by Lit) and every link's `href` has passed core's `safeHref` (http, https and mailto
 * only), so a `<script>`, an `onerror` attribute or a `javascript:` URL in the source can only
 * ever be shown as text. See @hansei/core `markdown.ts` for what is understood, and why this is
 * a subset written for the kit rather than marked + DOMPurify.
 *
 * Headings are shown as strong text, not `<h1>`-`<h6>`: a body of markdown sits inside a page
 * that owns its outline (an entry of a timeline, a section of a postmortem).
 *
 * Elements add {@link markdownStyles} to their styles and wrap the result in an element with
 * class `markdown`.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { parseMarkdown, type MarkdownOptions, type MdBlock, type MdInline } from '@hansei/core';

/** Parsed Markdown or its source. */
export type MarkdownSource = string | readonly MdBlock[];

/** Renders Markdown (source, or blocks already parsed with `parseMarkdown`) as Lit templates. */
export function renderMarkdown(source: MarkdownSource, options?: MarkdownOptions): TemplateResult {
  const blocks = typeof source === 'string' ? parseMarkdown(source, options) : source;
  return html`${blocks.map((b) => renderBlock(b, false))}`;
}

function renderInlines(nodes: readonly MdInline[]): unknown[] {
  return nodes.map(renderInline);
}

function renderInline(node: MdInline): unknown {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'code':
      return html`<code>${node.text}</code>`;
    case 'break':
      return html`<br />`;
    case 'em':
      return html`<em>${renderInlines(node.children)}</em>`;
    case 'strong':
      return html`<strong>${renderInlines(node.children)}</strong>`;
    case 'link':
      return html`<a href=${node.href} title=${ifDefined(node.title ?? undefined)} rel="noopener noreferrer nofollow ugc"
        >${renderInlines(node.children)}</a
      >`;
  }
}

function renderBlock(block: MdBlock, tight: boolean): unknown {
  switch (block.type) {
    case 'paragraph':
      return tight ? html`<span class="md-line">${renderInlines(block.children)}</span>` : html`<p>${renderInlines(block.children)}</p>`;
    case 'heading':
      return html`<p class="md-heading"><strong>${renderInlines(block.children)}</strong></p>`;
    case 'code':
      return html`<pre><code>${block.text}</code></pre>`;
    case 'quote':
      return html`<blockquote>${block.children.map((b) => renderBlock(b, false))}</blockquote>`;
    case 'list': {
      const items = block.items.map((item) => html`<li>${item.map((b) => renderBlock(b, block.tight))}</li>`);
      return block.ordered ? html`<ol start=${block.start === 1 ? nothing : block.start}>${items}</ol>` : html`<ul>${items}</ul>`;
    }
    case 'rule':
      return html`<hr />`;
    case 'table': {
      const cells = (row: readonly (readonly MdInline[])[], head: boolean) =>
        row.map((cell, i) => {
          const align = block.align[i] ?? 'start';
          return head
            ? html`<th class="md-${align}" scope="col">${renderInlines(cell)}</th>`
            : html`<td class="md-${align}">${renderInlines(cell)}</td>`;
        });
      // Focusable, so a table wider than the element can be scrolled from the keyboard.
      return html`<div class="md-table" tabindex="0">
        <table>
          <thead>
            <tr>${cells(block.head, true)}</tr>
          </thead>
          <tbody>
            ${block.rows.map((row) => html`<tr>${cells(row, false)}</tr>`)}
          </tbody>
        </table>
      </div>`;
    }
  }
}

/** Styles for rendered Markdown inside an element with class `markdown`. */
export const markdownStyles = css`
  .markdown {
    overflow-wrap: anywhere;
    line-height: 1.5;
  }
  .markdown > :first-child,
  .markdown li > :first-child,
  .markdown blockquote > :first-child {
    margin-block-start: 0;
  }
  .markdown > :last-child,
  .markdown li > :last-child,
  .markdown blockquote > :last-child {
    margin-block-end: 0;
  }
  .markdown :is(p, ul, ol, pre, blockquote, hr, .md-table) {
    margin-block: 0.5em;
  }
  .markdown :is(ul, ol) {
    padding-inline-start: 1.5em;
  }
  .markdown .md-line {
    display: block;
  }
  .markdown blockquote {
    margin-inline: 0;
    padding-inline-start: 0.75em;
    border-inline-start: 3px solid var(--_hansei-color-border);
  }
  .markdown :is(code, pre) {
    font-family: var(--hansei-font-family-code, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
    font-size: 0.92em;
  }
  .markdown code {
    padding: 0.1em 0.3em;
    border-radius: 4px;
    background: color-mix(in srgb, var(--_hansei-color-text) 8%, transparent);
  }
  .markdown pre {
    padding: 0.5em 0.75em;
    border-radius: 6px;
    background: color-mix(in srgb, var(--_hansei-color-text) 6%, transparent);
    white-space: pre-wrap;
  }
  .markdown pre code {
    padding: 0;
    background: none;
    font-size: 1em;
  }
  .markdown a {
    color: var(--hansei-color-link, var(--_hansei-color-focus));
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .markdown :is(a, .md-table):focus-visible {
    outline: 2px solid var(--_hansei-color-focus);
    outline-offset: 2px;
    border-radius: 2px;
  }
  .markdown hr {
    border: none;
    border-block-start: 1px solid var(--_hansei-color-border);
  }
  .markdown .md-table {
    overflow-x: auto;
  }
  .markdown table {
    border-collapse: collapse;
  }
  .markdown :is(th, td) {
    padding: 0.25em 0.5em;
    border: 1px solid var(--_hansei-color-border);
    text-align: start;
    vertical-align: top;
  }
  .markdown .md-center {
    text-align: center;
  }
  .markdown .md-right {
    text-align: end;
  }
`;
