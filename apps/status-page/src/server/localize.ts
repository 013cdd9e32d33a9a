/**
 * `msg()` on the server, in the language of the page being rendered.
 *
 * In the browser, @lit/localize keeps one active locale per page and switches it asynchronously
 * (announcing it on `window`). A server renders English and Japanese pages side by side, so it
 * uses @lit/localize's re-entrant mode instead: every `msg()` asks which locale is rendering
 * now, and the translations (the kit's and the page's own, merged) are there synchronously.
 * Rendering a page is synchronous, so {@link inLocale} holds its locale for exactly that long.
 */
import { configureReentrantLocalization } from '@lit/localize/init/reentrant.js';
import type { LocaleModule } from '@lit/localize';
import type { Locale } from '@hansei/core';
import { templates as kitJa } from '@hansei/elements/generated/locales/ja.js';
import { templates as pageJa } from '../generated/locales/ja.js';

const TRANSLATIONS: Readonly<Record<string, LocaleModule>> = {
  ja: { templates: { ...kitJa, ...pageJa } },
};

let current: Locale = 'en';
let configured = false;

function configure(): void {
  if (configured) return;
  configureReentrantLocalization({
    sourceLocale: 'en',
    targetLocales: ['ja'],
    getLocale: () => current,
    loadLocaleSync: (locale) => TRANSLATIONS[locale],
  });
  configured = true;
}

/**
 * Runs `work` (synchronous: a render) with `msg()` speaking `locale`, and returns what it returns.
 *
 * @throws when @lit/localize was already configured another way in this process (e.g. by the
 * elements' `setLocale`, which is for browsers).
 */
export function inLocale<T>(locale: Locale, work: () => T): T {
  configure();
  const before = current;
  current = locale;
  try {
    return work();
  } finally {
    current = before;
  }
}
