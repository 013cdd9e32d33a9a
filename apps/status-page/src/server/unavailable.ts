/**
 * The page a server answers when it cannot read the status at all and has no earlier page to
 * show (a database down since it started): it says so in the visitor's language, is never blank,
 * and its script keeps trying and swaps the real page in once the status can be read.
 */
import { nothing } from 'lit';
import type { Locale } from '@hansei/core';
import { indicatorWords } from '@hansei/elements/internal/status-words.js';
import { faviconUrl } from './favicon.js';
import { inLocale } from './localize.js';
import { serverHtml, styleTag, toHtml } from './ssr.js';
import { PAGE_CSS } from './styles.js';
import { words } from './words.js';

/** The document of the "status unavailable" page in `locale`, with the page script when there is one. */
export function unavailableDocument(locale: Locale, script: string | null): string {
  return inLocale(locale, () =>
    toHtml(serverHtml`<!doctype html>
<html lang=${locale}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="robots" content="noindex">
<title>${indicatorWords('unknown')}</title>
<link rel="icon" href=${faviconUrl('unknown')}>
${styleTag(PAGE_CSS)}
${script ? serverHtml`<script type="module" src=${script}></script>` : nothing}
</head>
<body>
<main id="content" class="wrap" data-view="unavailable">
<h1>${indicatorWords('unknown')}</h1>
<p>${words.unavailable()}</p>
</main>
<p id="announcer" class="vh" role="status"></p>
</body>
</html>
`),
  );
}
