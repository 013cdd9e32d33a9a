/**
 * Lit templates to HTML text on the server, with @lit-labs/ssr.
 *
 * The document is a server-only template (`html` from @lit-labs/ssr: it may hold `<!doctype>`,
 * `<title>` and `<template shadowrootmode>`), and inside it the elements' own templates
 * (`*.template.ts`) render exactly as they do in the browser, each in a declarative shadow root
 * with the element's styles. Lit escapes every value either kind of template renders.
 *
 * The page is never hydrated (its script swaps server-rendered HTML instead, see client/), so
 * Lit's hydration markers (`<!--lit-part …-->`, `<!--lit-node n-->`) would be dead weight:
 * thousands of DOM comments on a page of uptime bars. They are removed. That is safe because
 * every rendered value is escaped (`<` becomes `&lt;`), so the only `<!--` in the output are Lit's.
 */
import { html as serverHtml, render, type ServerRenderedTemplate } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { elementCss, type PageElement } from './styles.js';

export { serverHtml };
export type { ServerRenderedTemplate };

/** Lit's hydration markers, and the `<?>` its templates end with when they end with a value. */
const MARKERS = /<!--(?:lit-part(?: [A-Za-z0-9+/=]+)?|\/lit-part|lit-node \d+)-->|<\?>/g;

/** A start or end tag, its attribute values quoted (Lit quotes every value it renders, and escapes `>` in them). */
const TAG = /<\/?[a-zA-Z][^>]*>/g;
/** A quoted attribute value, or a run of whitespace between attributes. */
const TAG_PARTS = /("[^"]*"|'[^']*')|\s+/g;
/** Whitespace between two tags that holds a line break: the templates' indentation. */
const INDENT = />[ \t]*\n\s*</g;

/**
 * The templates' own layout whitespace out, the rendering unchanged: runs of whitespace between
 * attributes become one space, and indentation between tags one line break (whitespace that
 * renders the same as before, in `white-space: pre-line` text too). Text and values are untouched.
 */
function tidy(text: string): string {
  return text.replace(TAG, (tag) => tag.replace(TAG_PARTS, (_run, quoted?: string) => quoted ?? ' ').replace(/ (\/?>)$/, '$1')).replace(INDENT, '>\n<');
}

/** `value` (a template, or anything a template may render) as HTML text, without hydration markers or layout whitespace. */
export function toHtml(value: unknown): string {
  return tidy(collectResultSync(render(value)).replace(MARKERS, ''));
}

/** A `<style>` with CSS the page owns (never user text). */
export function styleTag(css: string): ReturnType<typeof unsafeHTML> {
  return unsafeHTML(`<style>${css.replace(/<\//g, '<\\/')}</style>`);
}

/**
 * `element` with `content` in a declarative shadow root with the element's own styles: the same
 * DOM the element builds in the browser, with no script. `stale` sets the summary's attribute.
 */
export function shadowHost(element: PageElement, id: string, content: TemplateResult, options: { readonly stale?: boolean } = {}): ServerRenderedTemplate {
  const style = styleTag(elementCss(element));
  switch (element) {
    case 'hansei-status-summary':
      return serverHtml`<hansei-status-summary id=${id} stale=${options.stale ? '' : nothing}><template shadowrootmode="open">${style}${content}</template></hansei-status-summary>`;
    case 'hansei-component-list':
      return serverHtml`<hansei-component-list id=${id}><template shadowrootmode="open">${style}${content}</template></hansei-component-list>`;
    case 'hansei-maintenance-list':
      return serverHtml`<hansei-maintenance-list id=${id}><template shadowrootmode="open">${style}${content}</template></hansei-maintenance-list>`;
    case 'hansei-uptime-bars':
      return serverHtml`<hansei-uptime-bars id=${id}><template shadowrootmode="open">${style}${content}</template></hansei-uptime-bars>`;
    case 'hansei-incident-feed':
      return serverHtml`<hansei-incident-feed id=${id}><template shadowrootmode="open">${style}${content}</template></hansei-incident-feed>`;
  }
}
