/**
 * The styles of the page: each status element's own styles (the very ones its class uses, from
 * its `*.styles.ts`), which go into the element's declarative shadow root, and the page's own,
 * which go into the document's head. Both are inlined: the page is readable at its first
 * response, with no stylesheet to wait for.
 */
import type { CSSResultGroup } from 'lit';
import { themeTokens } from '@hansei/elements/internal/theme.js';
import { statusElementStyles } from '@hansei/elements/internal/status-styles.js';
import { statusSummaryStyles } from '@hansei/elements/status-summary/status-summary.styles.js';
import { componentListStyles } from '@hansei/elements/component-list/component-list.styles.js';
import { maintenanceListStyles } from '@hansei/elements/maintenance-list/maintenance-list.styles.js';
import { uptimeBarsStyles } from '@hansei/elements/uptime-bars/uptime-bars.styles.js';
import { incidentFeedStyles } from '@hansei/elements/incident-feed/incident-feed.styles.js';

/** The elements the page renders, by tag. */
export type PageElement = 'hansei-status-summary' | 'hansei-component-list' | 'hansei-maintenance-list' | 'hansei-uptime-bars' | 'hansei-incident-feed';

/** CSS text of a style group, each sheet once, in order. */
function cssText(group: CSSResultGroup, seen = new Set<unknown>()): string {
  if (Array.isArray(group)) return group.map((g: CSSResultGroup) => cssText(g, seen)).join('');
  if (seen.has(group)) return '';
  seen.add(group);
  return (group as { cssText: string }).cssText;
}

/** Whitespace and comments out; nothing else (values keep their spaces). */
export function minifyCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}

/**
 * What the page adds inside each shadow root:
 * - the summary shows its "as of" note only when the page's script marks the status stale (the
 *   host's `stale` attribute: the API could not be reached); without script the server's status
 *   is current by definition;
 * - rows of uptime bars off screen are not laid out until scrolled to (`content-visibility`):
 *   1,800 bars are most of the page's style and layout work, and below the fold on a phone.
 */
const PAGE_ADDITIONS: Partial<Record<PageElement, string>> = {
  'hansei-status-summary': ':host(:not([stale])) .as-of{display:none}',
  'hansei-uptime-bars': '.row{content-visibility:auto;contain-intrinsic-size:auto 5.5rem}',
};

const STYLES: Readonly<Record<PageElement, CSSResultGroup>> = {
  'hansei-status-summary': [themeTokens, statusSummaryStyles],
  'hansei-component-list': [themeTokens, componentListStyles],
  'hansei-maintenance-list': [themeTokens, maintenanceListStyles],
  'hansei-uptime-bars': [themeTokens, statusElementStyles, uptimeBarsStyles],
  'hansei-incident-feed': [themeTokens, incidentFeedStyles],
};

const cache = new Map<PageElement, string>();

/** The CSS of `element`'s shadow root on the page, minified. */
export function elementCss(element: PageElement): string {
  let text = cache.get(element);
  if (text === undefined) {
    text = minifyCss(cssText(STYLES[element]) + (PAGE_ADDITIONS[element] ?? ''));
    cache.set(element, text);
  }
  return text;
}

/**
 * The page's own CSS: the frame around the elements (header, headings, sections, footer), light
 * and dark from the system setting with the elements' own colours (`--hansei-*` can restyle
 * both), 320 px wide and up.
 */
export const PAGE_CSS = minifyCss(`
:root {
  color-scheme: var(--hansei-color-scheme, light dark);
  --_bg: var(--hansei-page-background, light-dark(#f6f8fa, #010409));
  --_fg: var(--hansei-color-text, light-dark(#1f2328, #e6edf3));
  --_muted: var(--hansei-color-muted, light-dark(#59636e, #9198a1));
  --_link: var(--hansei-color-link, light-dark(#0969da, #4493f8));
  --_focus: var(--hansei-color-focus, light-dark(#0969da, #4493f8));
  --_border: var(--hansei-color-border, light-dark(#d1d9e0, #3d444d));
  --hansei-font-size: 1rem;
  background: var(--_bg);
  color: var(--_fg);
  font-family: system-ui, -apple-system, 'Segoe UI', 'Hiragino Sans', 'Noto Sans JP', sans-serif;
  line-height: 1.5;
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
}
body { margin: 0; }
a { color: var(--_link); text-underline-offset: 0.15em; }
:focus-visible { outline: 2px solid var(--_focus); outline-offset: 2px; }
.skip { position: absolute; inset-inline-start: 0.5rem; inset-block-start: -3rem; padding: 0.5rem 0.75rem; background: var(--_bg); border-radius: 4px; }
.skip:focus { inset-block-start: 0.5rem; }
.wrap { box-sizing: border-box; max-inline-size: 52rem; margin-inline: auto; padding-inline: 1rem; }
.masthead { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem 1rem; padding-block: 1rem; }
.site { margin: 0; color: inherit; font-size: 1.15rem; font-weight: 700; line-height: 1.3; text-decoration: none; overflow-wrap: anywhere; }
.site:hover { text-decoration: underline; }
.masthead nav a { display: inline-block; padding: 0.35rem 0.6rem; border: 1px solid var(--_border); border-radius: 6px; text-decoration: none; }
main { display: flex; flex-direction: column; gap: 2rem; padding-block-end: 2rem; }
main > header p, .crumbs { margin: 0; color: var(--_muted); }
h1 { margin: 0; font-size: 1.6rem; line-height: 1.25; overflow-wrap: anywhere; }
h2 { margin: 0 0 0.75rem; font-size: 1.2rem; line-height: 1.3; }
section { min-inline-size: 0; }
.more { margin: 0.75rem 0 0; }
.footer { display: flex; flex-direction: column; gap: 0.25rem; padding-block: 1.5rem 2rem; border-block-start: 1px solid var(--_border); color: var(--_muted); font-size: 0.9rem; }
.footer p { margin: 0; }
.footer ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin: 0; padding: 0; list-style: none; }
.vh { position: absolute; inline-size: 1px; block-size: 1px; margin: -1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
@media (forced-colors: active) { .masthead nav a { border-color: LinkText; } }
`);
