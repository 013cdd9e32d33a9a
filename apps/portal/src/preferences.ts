/**
 * The viewer's language and colour scheme: chosen in the portal's header, kept on this device,
 * and applied to the whole page (the elements follow `--hansei-color-scheme` and the kit locale).
 */
import { addTranslations, resolveLocale, setLocale } from '@hansei/elements/internal/localization.js';
import type { Locale } from '@hansei/core';

export type Theme = 'system' | 'light' | 'dark';
export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

const LANG_KEY = 'hansei-portal-lang';
const THEME_KEY = 'hansei-portal-theme';

// The portal's own messages, merged into the kit's when the page switches to Japanese.
addTranslations('ja', () => import('./generated/locales/ja.js'));

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Blocked storage: the choice lasts as long as the page.
  }
}

/** The language to start in: the one chosen before, else the browser's (Japanese or English). */
export function initialLocale(): Locale {
  return resolveLocale(read(LANG_KEY) ?? navigator.language);
}

/** Switches the page (and every element) to `locale`, and remembers it. */
export async function applyLocale(locale: Locale): Promise<void> {
  document.documentElement.lang = locale;
  write(LANG_KEY, locale);
  await setLocale(locale);
}

/** The colour scheme chosen before (`system` follows the viewer's setting). */
export function initialTheme(): Theme {
  const saved = read(THEME_KEY);
  return THEMES.includes(saved as Theme) ? (saved as Theme) : 'system';
}

/** Applies `theme` to the page (`data-theme` on the root; portal.css maps it to the tokens) and remembers it. */
export function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset['theme'];
  else document.documentElement.dataset['theme'] = theme;
  write(THEME_KEY, theme);
}
