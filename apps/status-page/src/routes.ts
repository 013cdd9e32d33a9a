/**
 * The status page's URLs. English pages live at the root and Japanese ones under `/ja/`, so each
 * page has one language a visitor can link to and switch from (`alternateHref`).
 */
import type { Locale } from '@hansei/core';

export type StatusView =
  | { readonly view: 'home' }
  | { readonly view: 'incident'; readonly id: string }
  | { readonly view: 'maintenance'; readonly id: string }
  | { readonly view: 'history'; readonly page: number }
  | { readonly view: 'not-found' };

export interface StatusRoute {
  readonly locale: Locale;
  readonly page: StatusView;
}

const PREFIX: Readonly<Record<Locale, string>> = { en: '/', ja: '/ja/' };

/** The route of a path and query; unknown paths give `not-found` in the path's language. */
export function parseStatusRoute(pathname: string, search = ''): StatusRoute {
  const locale: Locale = pathname === '/ja' || pathname.startsWith('/ja/') ? 'ja' : 'en';
  const rest = locale === 'ja' ? pathname.slice(3) : pathname;
  let parts: string[];
  try {
    parts = rest.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { locale, page: { view: 'not-found' } };
  }
  const [first, second, third] = parts;
  if (third !== undefined) return { locale, page: { view: 'not-found' } };
  if (first === undefined || (first === 'index.html' && second === undefined)) return { locale, page: { view: 'home' } };
  if (first === 'incidents' && second !== undefined) return { locale, page: { view: 'incident', id: second } };
  if (first === 'maintenances' && second !== undefined) return { locale, page: { view: 'maintenance', id: second } };
  if (first === 'history' && second === undefined) {
    const text = new URLSearchParams(search).get('page') ?? '1';
    const page = /^[1-9]\d{0,5}$/.test(text) ? Number(text) : null;
    return { locale, page: page === null ? { view: 'not-found' } : { view: 'history', page } };
  }
  return { locale, page: { view: 'not-found' } };
}

/** The URL of a route. */
export function statusHref(route: StatusRoute): string {
  const base = PREFIX[route.locale];
  const page = route.page;
  switch (page.view) {
    case 'home':
    case 'not-found':
      return base;
    case 'incident':
      return `${base}incidents/${encodeURIComponent(page.id)}`;
    case 'maintenance':
      return `${base}maintenances/${encodeURIComponent(page.id)}`;
    case 'history':
      return page.page === 1 ? `${base}history` : `${base}history?page=${page.page}`;
  }
}

/** The same page in the other language, for the language switch and `<link rel="alternate" hreflang>`. */
export function alternateHref(route: StatusRoute, locale: Locale): string {
  return statusHref({ ...route, locale });
}
