/**
 * For single-file bundles only (scripts/bundle.mjs adds this module to each): several copies of
 * the kit on one page, each with its own @lit/localize, follow one locale. When another copy
 * switches (@lit/localize announces it on `window`), this one switches too; a copy that loads
 * later starts in the locale the page chose before it. A page built with a bundler has one copy
 * and does not include this module.
 */
import { getLocale, PAGE_LOCALE, resolveLocale, setLocale, type PageGlobal } from './localization.js';

if (typeof window !== 'undefined') {
  window.addEventListener('lit-localize-status', (event) => {
    const { detail } = event as CustomEvent<{ status: string; readyLocale?: string }>;
    if (detail.status !== 'ready' || !detail.readyLocale) return;
    const locale = resolveLocale(detail.readyLocale);
    // Only the page's latest choice: a late announcement of an older one is not followed.
    if (locale !== getLocale() && locale === (globalThis as PageGlobal)[PAGE_LOCALE]) void setLocale(locale);
  });
  const chosen = (globalThis as PageGlobal)[PAGE_LOCALE];
  if (chosen && chosen !== getLocale()) void setLocale(chosen);
}
