#!/usr/bin/env node
// Run after `lit-localize build`: decodes the XML entities that @lit/localize-tools 0.8 leaves in
// translations of plain and `str` messages (lit/lit#3025, #5012). Those strings become text
// nodes, so a `<` written `&lt;` in the XLIFF would show as "&lt;" on the page. `html` messages
// are parsed as HTML by lit-html and keep their entities.
//
//   node packages/elements/scripts/unescape-locales.mjs src/generated/locales/ja.ts [...]
import { readFileSync, writeFileSync } from 'node:fs';

const ENTITIES = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&#39;': "'" };

/** A plain or `str` translation's text, decoded (`&amp;` last, until stable: `&amp;lt;` is `<`). */
export function decode(text) {
  let before;
  let after = text;
  do {
    before = after;
    after = before.replace(/&(?:lt|gt|quot|apos|#39);/g, (entity) => ENTITIES[entity]).replace(/&amp;/g, '&');
  } while (after !== before);
  return after;
}

/** The module with every non-`html` template literal decoded. */
export function unescapeLocaleModule(source) {
  return source.replace(/(:\s*)(html|str)?`((?:[^`\\]|\\.)*)`/g, (whole, colon, tag, body) =>
    tag === 'html' ? whole : `${colon}${tag ?? ''}\`${decode(body)}\``,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of process.argv.slice(2)) {
    const source = readFileSync(file, 'utf8');
    const fixed = unescapeLocaleModule(source);
    if (fixed !== source) writeFileSync(file, fixed);
  }
}
