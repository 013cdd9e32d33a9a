/**
 * The favicon of each page state: the status icon the elements draw (same shape and glyph per
 * tone, so it is not colour alone), in the tone's colour, light and dark, as an SVG data URL in the
 * page itself (no request). The page's script swaps it when the state changes.
 */
import { statusIcons, type StatusTone } from '@hansei/elements/internal/status-icons.js';
import { toHtml } from './ssr.js';

/** Tone colours, light and dark: the elements' defaults (theme.ts). */
const COLOURS: Readonly<Record<StatusTone, readonly [string, string]>> = {
  none: ['#1a7f37', '#3fb950'],
  minor: ['#9a6700', '#d29922'],
  major: ['#bc4c00', '#db6d28'],
  critical: ['#cf222e', '#f85149'],
  maintenance: ['#0969da', '#4493f8'],
  unknown: ['#59636e', '#9198a1'],
};

const cache = new Map<StatusTone, string>();

/** The favicon of `tone` as a `data:` URL. */
export function faviconUrl(tone: StatusTone): string {
  let url = cache.get(tone);
  if (url === undefined) {
    const [light, dark] = COLOURS[tone];
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><style>` +
      `.shape{fill:${light}}.glyph{fill:none;stroke:#fff;stroke-width:1.6;stroke-linecap:round;stroke-linejoin:round}.dot{fill:#fff}` +
      `@media (prefers-color-scheme:dark){.shape{fill:${dark}}.glyph{stroke:#0d1117}.dot{fill:#0d1117}}</style>` +
      `${toHtml(statusIcons[tone]).replace(/\s+/g, ' ')}</svg>`;
    url = `data:image/svg+xml,${encodeURIComponent(svg)}`;
    cache.set(tone, url);
  }
  return url;
}
