/**
 * The favicon of each page state: the status icon the elements draw (same shape and glyph per
 * tone, so it is not colour alone), in the tone's colour, light and dark, as an SVG data URL in the
 * page itself (no request). The page's script swaps it when the state changes.
 */
import { statusIcons, type StatusTone } from '@hansei/elements/internal/status-icons.js';
import { themeTokens } from '@hansei/elements/internal/theme.js';
import { toHtml } from './ssr.js';

/** Tone colours, light and dark: the elements' defaults, read from their theme tokens (theme.ts). */
const COLOURS: ReadonlyMap<string, readonly [string, string]> = new Map(
  [...themeTokens.cssText.matchAll(/--_hansei-status-(\w+): var\(--hansei-status-\w+, light-dark\((#[0-9a-fA-F]+), (#[0-9a-fA-F]+)\)\)/g)].map(
    (m) => [m[1]!, [m[2]!, m[3]!] as const],
  ),
);

const cache = new Map<StatusTone, string>();

/** The favicon of `tone` as a `data:` URL. */
export function faviconUrl(tone: StatusTone): string {
  let url = cache.get(tone);
  if (url === undefined) {
    const [light, dark] = COLOURS.get(tone) ?? COLOURS.get('unknown') ?? ['#59636e', '#9198a1'];
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><style>` +
      `.shape{fill:${light}}.glyph{fill:none;stroke:#fff;stroke-width:1.6;stroke-linecap:round;stroke-linejoin:round}.dot{fill:#fff}` +
      `@media (prefers-color-scheme:dark){.shape{fill:${dark}}.glyph{stroke:#0d1117}.dot{fill:#0d1117}}</style>` +
      `${toHtml(statusIcons[tone]).replace(/\s+/g, ' ')}</svg>`;
    // Only what a URL must not hold raw is encoded (the attribute escapes the rest): a third the size.
    url = `data:image/svg+xml,${svg.replace(/"/g, "'").replace(/[%#<>\s]/g, (c) => (c === ' ' ? ' ' : encodeURIComponent(c)))}`;
    cache.set(tone, url);
  }
  return url;
}
