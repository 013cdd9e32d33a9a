/**
 * The status page's URLs. English pages live at the root and Japanese ones under `/ja/`, so each
 * page has one language a visitor can link to and switch from (`alternateHref`).
 *
 * Every page is a folder (`/incidents/inc_1/`, `/history/2026-11/`): a static export writes it as
 * `incidents/inc_1/index.html`, which any static server or CDN serves at that URL with the right
 * type, no rewrite rules needed. Paths without the final slash parse too (`hansei serve` answers
 * both), and `statusHref` always gives the canonical one.
 */
import type { Locale } from '@hansei/core';

/** A calendar month, `YYYY-MM`. */
export type MonthKey = string;

export type StatusView =
  | { readonly view: 'home' }
  | { readonly view: 'incident'; readonly id: string }
  | { readonly view: 'maintenance'; readonly id: string }
  /** A month of history; `month` null is the latest month. */
  | { readonly view: 'history'; readonly month: MonthKey | null }
  | { readonly view: 'not-found' };

export interface StatusRoute {
  readonly locale: Locale;
  readonly page: StatusView;
}

const PREFIX: Readonly<Record<Locale, string>> = { en: '/', ja: '/ja/' };
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Ids the page links to: what the server makes (`inc_…`), and anything else without a path's special characters. */
const ID = /^[^/\\?#]{1,200}$/;
/** Control characters: never in an id the page links to. */
const hasControl = (text: string): boolean => [...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/** The route of a path; unknown paths give `not-found` in the path's language. */
export function parseStatusRoute(pathname: string): StatusRoute {
  const locale: Locale = pathname === '/ja' || pathname.startsWith('/ja/') ? 'ja' : 'en';
  const rest = locale === 'ja' ? pathname.slice(3) : pathname;
  const notFound: StatusRoute = { locale, page: { view: 'not-found' } };
  let parts: string[];
  try {
    parts = rest.split('/').map(decodeURIComponent);
  } catch {
    return notFound;
  }
  // One leading slash, and at most one trailing one.
  if (parts[0] !== '') return notFound;
  parts.shift();
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  // No empty segment in between (`/incidents//`), only the home page's.
  if (parts.length > 1 && parts.includes('')) return notFound;
  const [first = '', second, third] = parts;
  if (third !== undefined) return notFound;
  if (first === '' || (first === 'index.html' && second === undefined)) return { locale, page: { view: 'home' } };
  if (first === 'history') {
    if (second === undefined || second === 'index.html') return { locale, page: { view: 'history', month: null } };
    return MONTH.test(second) ? { locale, page: { view: 'history', month: second } } : notFound;
  }
  if (second === undefined || !ID.test(second) || hasControl(second) || second === '.' || second === '..') return notFound;
  if (first === 'incidents') return { locale, page: { view: 'incident', id: second } };
  if (first === 'maintenances') return { locale, page: { view: 'maintenance', id: second } };
  return notFound;
}

/** The canonical URL path of a route (not-found: the language's home page). */
export function statusHref(route: StatusRoute): string {
  const base = PREFIX[route.locale];
  const page = route.page;
  switch (page.view) {
    case 'home':
    case 'not-found':
      return base;
    case 'incident':
      return `${base}incidents/${encodeURIComponent(page.id)}/`;
    case 'maintenance':
      return `${base}maintenances/${encodeURIComponent(page.id)}/`;
    case 'history':
      return page.month === null ? `${base}history/` : `${base}history/${page.month}/`;
  }
}

/** The same page in the other language, for the language switch and `<link rel="alternate" hreflang>`. */
export function alternateHref(route: StatusRoute, locale: Locale): string {
  return statusHref({ ...route, locale });
}

/** Link templates for the elements' templates (`{id}`, `{month}` replaced), in `locale`. */
export function hrefTemplates(locale: Locale): { readonly incident: string; readonly maintenance: string; readonly month: string } {
  const base = PREFIX[locale];
  return { incident: `${base}incidents/{id}/`, maintenance: `${base}maintenances/{id}/`, month: `${base}history/{month}/` };
}

/** The file a static export writes a route to, relative to the export's root (`incidents/inc_1/index.html`). */
export function exportPath(route: StatusRoute): string {
  return `${decodeURIComponent(statusHref(route)).slice(1)}index.html`;
}
