import { configureLocalization, type LocaleModule } from '@lit/localize';
import type { Locale } from '@hansei/core';
import { allLocales, sourceLocale, targetLocales } from '../generated/locale-codes.js';

type TargetLocale = (typeof targetLocales)[number];

/** Translations load on demand; English, the source locale, is built in. */
const loaders: Record<TargetLocale, () => Promise<LocaleModule>> = {
  ja: () => import('../generated/locales/ja.js'),
};

let controls: ReturnType<typeof configureLocalization> | undefined;

/** More translations for the same locales (an app's own messages), merged into the kit's. */
const extra: { [L in TargetLocale]?: (() => Promise<LocaleModule>)[] } = {};

/**
 * Adds an app's own translations for `locale` (e.g. its lit-localize output module), so `msg()`
 * calls in an app that composes the elements translate too: @lit/localize can be configured once
 * per page, and the kit configures it. Add them before switching to that locale.
 */
export function addTranslations(locale: TargetLocale, load: () => Promise<LocaleModule>): void {
  (extra[locale] ??= []).push(load);
}

async function loadLocale(locale: TargetLocale): Promise<LocaleModule> {
  const [own, ...more] = await Promise.all([loaders[locale](), ...(extra[locale] ?? []).map((load) => load())]);
  if (more.length === 0) return own;
  const templates = Object.assign({}, ...more.map((m) => m.templates), own.templates) as LocaleModule['templates'];
  return { templates };
}

/** @lit/localize may be configured once per page: do it on first use, not on import. */
function localization(): ReturnType<typeof configureLocalization> {
  controls ??= configureLocalization({
    sourceLocale,
    targetLocales,
    loadLocale: (locale) => loadLocale(locale as TargetLocale),
  });
  return controls;
}

/**
 * The kit locale for a BCP 47 language tag: `ja`, `ja-JP` -> `ja`; anything else (or nothing)
 * -> `en`, the source locale.
 */
export function resolveLocale(tag: string | null | undefined): Locale {
  const language = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (allLocales as readonly string[]).includes(language) ? (language as Locale) : sourceLocale;
}

/** The active locale of every Hansei element on the page. */
export function getLocale(): Locale {
  return controls ? resolveLocale(controls.getLocale()) : sourceLocale;
}

/**
 * Switches every Hansei element on the page to `tag`'s locale (see {@link resolveLocale}),
 * loading its translations first. Elements re-render when the returned promise resolves.
 * Returns the locale actually used.
 */
export async function setLocale(tag: string): Promise<Locale> {
  const locale = resolveLocale(tag);
  (globalThis as PageGlobal)[PAGE_LOCALE] = locale;
  await localization().setLocale(locale);
  return locale;
}

/**
 * The locale chosen last on this page, shared by every copy of this module: each single-file
 * bundle (dist/bundle/<name>.js) carries its own @lit/localize, and all must speak one language
 * (see `page-locale.ts`).
 */
export const PAGE_LOCALE = Symbol.for('hansei.locale');
export type PageGlobal = { [PAGE_LOCALE]?: Locale };

