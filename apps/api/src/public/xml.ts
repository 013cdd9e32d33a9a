/** Escaping for XML and HTML text, shared by the Atom feed and the SVG badge. */

/**
 * Characters XML 1.0 does not allow at all (most C0 controls, lone surrogates, U+FFFE and
 * U+FFFF): escaping cannot save them, so they become U+FFFD.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SPECIAL = /[&<>"']/g;
const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` safe in XML or HTML element content and in quoted attribute values. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(SPECIAL, (c) => ENTITY[c] as string);
}
