/**
 * The whole HTML document of a page: the head (title and favicon that say the current state,
 * description and Open Graph for sharing, canonical URL and hreflang alternates, the Atom feed,
 * the styles, the script), the header with the visible language switch, the main content, and
 * the footer. Called inside `inLocale` (localize.ts).
 */
import { html, nothing } from 'lit';
import { markdownText, parseMarkdown, type Locale } from '@hansei/core';
import { indicatorTone } from '@hansei/elements/internal/status-icons.js';
import { incidentStatusWords, maintenanceStatusWords, pageStatusWords } from '@hansei/elements/internal/status-words.js';
import { impactWords } from '@hansei/elements/incident-feed/words.js';
import { alternateHref, statusHref, type StatusRoute } from '../routes.js';
import type { PageData } from './data.js';
import { faviconUrl } from './favicon.js';
import { serverHtml, styleTag, type ServerRenderedTemplate } from './ssr.js';
import { PAGE_CSS } from './styles.js';
import { historyMonthLabel, mainContent, type ViewContext } from './views.js';
import { words } from './words.js';

/** The Atom feed of public incidents (served by the API and written by `hansei export`). */
export const FEED_HREF = '/feed.atom';
/** The Statuspage-compatible summary document. */
const API_HREF = '/api/v2/summary.json';
/** Longest description, in characters (search engines show about this much). */
const DESCRIPTION_MAX = 200;

const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', ja: '日本語' };
const OG_LOCALES: Readonly<Record<Locale, string>> = { en: 'en_US', ja: 'ja_JP' };

export interface DocumentInput {
  readonly data: PageData;
  readonly route: StatusRoute;
  readonly ctx: ViewContext;
  /** The page's public origin, for canonical and sharing URLs (`https://status.example.com`). */
  readonly origin: string;
  /** The page script's URL, or null for a page without script. */
  readonly script: string | null;
  /** Where the script finds the API when it is not at the page's own origin (a static export on a CDN). */
  readonly api: string | null;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= DESCRIPTION_MAX ? flat : `${flat.slice(0, DESCRIPTION_MAX - 1).trimEnd()}…`;
}

function plain(markdown: string): string {
  return markdownText(parseMarkdown(markdown));
}

/** The page's title (without the site's name) and its description. */
function describe(data: PageData, stateWords: string, locale: Locale): { title: string; description: string } {
  const name = data.snapshot.page.name;
  switch (data.view) {
    case 'home':
      return { title: stateWords, description: `${stateWords}. ${words.homeDescription(name)}` };
    case 'incident': {
      const latest = data.incident.updates[0]?.body ?? '';
      return { title: data.incident.title, description: shorten(`${incidentStatusWords(data.incident.status)} · ${impactWords(data.incident.impact)}. ${plain(latest)}`) };
    }
    case 'maintenance': {
      const m = data.maintenance;
      return { title: m.title, description: shorten(`${maintenanceStatusWords(m.status)}. ${m.updates[0]?.body ?? m.summary ?? ''}`) };
    }
    case 'history': {
      const month = historyMonthLabel(data, locale) ?? '';
      return { title: `${words.historyLink()} – ${month}`, description: words.historyDescription(name, month) };
    }
    case 'not-found':
      return { title: words.notFound(), description: words.notFoundBody() };
  }
}

/** The name of the time zone times are shown in (the server's: UTC), in the page's language. */
function zoneName(ctx: ViewContext): string {
  const parts = new Intl.DateTimeFormat(ctx.locale, { timeZone: ctx.timeZone, timeZoneName: 'long' }).formatToParts(ctx.now);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? ctx.timeZone;
}

/** The document of a page. */
export function pageDocument(input: DocumentInput): ServerRenderedTemplate {
  const { data, route, ctx } = input;
  const { locale } = route;
  const other: Locale = locale === 'en' ? 'ja' : 'en';
  const name = data.snapshot.page.name;
  const tone = indicatorTone(data.snapshot.status?.indicator);
  const stateWords = pageStatusWords(data.snapshot.status, tone).text;
  const { title, description } = describe(data, stateWords, locale);
  const fullTitle = `${title} · ${name}`;
  const found = data.view !== 'not-found';
  const url = (path: string) => new URL(path, input.origin).href;
  const canonical = url(statusHref(route));
  const home = statusHref({ locale, page: { view: 'home' } });
  return serverHtml`<!doctype html>
<html lang=${locale}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${fullTitle}</title>
<meta name="description" content=${description}>
${found ? nothing : serverHtml`<meta name="robots" content="noindex">`}
<link rel="icon" href=${faviconUrl(tone)}>
<meta name="theme-color" media="(prefers-color-scheme: light)" content="#f6f8fa">
<meta name="theme-color" media="(prefers-color-scheme: dark)" content="#010409">
${found
  ? serverHtml`<link rel="canonical" href=${canonical}>
<link rel="alternate" hreflang="en" href=${url(alternateHref(route, 'en'))}>
<link rel="alternate" hreflang="ja" href=${url(alternateHref(route, 'ja'))}>
<link rel="alternate" hreflang="x-default" href=${url(alternateHref(route, 'en'))}>`
  : nothing}
<link rel="alternate" type="application/atom+xml" title=${words.feedTitle(name)} href=${FEED_HREF}>
<meta property="og:type" content="website">
<meta property="og:site_name" content=${name}>
<meta property="og:title" content=${title}>
<meta property="og:description" content=${description}>
${found ? serverHtml`<meta property="og:url" content=${canonical}>` : nothing}
<meta property="og:locale" content=${OG_LOCALES[locale]}>
<meta property="og:locale:alternate" content=${OG_LOCALES[other]}>
<meta name="twitter:card" content="summary">
${input.api ? serverHtml`<meta name="hansei-api" content=${input.api}>` : nothing}
${styleTag(PAGE_CSS)}
${input.script ? serverHtml`<script type="module" src=${input.script}></script>` : nothing}
</head>
<body>
<a class="skip" href="#content">${words.skip()}</a>
<header class="masthead wrap">
${data.view === 'home' ? serverHtml`<h1 class="site">${name}</h1>` : serverHtml`<a class="site" href=${home}>${name}</a>`}
<nav aria-label=${words.language()}><a href=${alternateHref(route, other)} hreflang=${other} lang=${other}>${LANGUAGE_NAMES[other]}</a></nav>
</header>
<main id="content" class="wrap" data-view=${data.view} data-generated-at=${data.snapshot.generatedAt}>
${mainContent(data, ctx)}
</main>
<footer class="footer wrap">
<ul>
<li><a href=${FEED_HREF} type="application/atom+xml">${words.feed()}</a></li>
<li><a href=${statusHref({ locale, page: { view: 'history', month: null } })}>${words.historyLink()}</a></li>
<li><a href=${API_HREF}>${words.api()}</a></li>
</ul>
<p>${words.timeZone(html`<span id="time-zone">${zoneName(ctx)}</span>`)}</p>
<p>${words.poweredBy()}</p>
</footer>
<p id="announcer" class="vh" role="status"></p>
</body>
</html>
`;
}
