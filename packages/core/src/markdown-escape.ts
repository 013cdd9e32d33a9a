/**
 * Writing plain text into Markdown so it reads as the same text: names, titles, descriptions and
 * answers placed inside a document the kit generates (a postmortem's prefill and export). Pure.
 *
 * CommonMark lets any ASCII punctuation be escaped with a backslash, and the kit's own parser
 * (markdown.ts) understands the same escapes, so escaping is exact: what a person typed is what
 * every renderer shows, and nothing they typed becomes markup, a link, HTML or a table cell break.
 */

/** Characters that start or end inline markup, raw HTML, entities, or table cells. */
const INLINE = /[\\`*_[\]<>|~&#]/g;

/**
 * `text` as Markdown inline text: whitespace (newlines included) collapsed to single spaces,
 * markup characters escaped, and a leading list or quote marker escaped so it cannot start a
 * block inside a list item.
 */
export function escapeMarkdown(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim().replace(INLINE, '\\$&');
  return line.replace(/^([+-])(?=\s|$)/, '\\$1').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/**
 * Markdown `source` (already Markdown, such as a timeline entry's body) as the content of a pipe
 * table cell: on one line, its `|` escaped so it stays in its cell.
 */
export function markdownCell(source: string): string {
  return source.replace(/\s+/g, ' ').trim().replace(/(?<!\\)\|/g, '\\|');
}

/**
 * A Markdown body placed under a heading of level `level`: its ATX headings (outside code
 * fences) moved down so none is above `level + 1`, keeping the document's outline.
 */
export function nestMarkdown(body: string, level: number): string {
  let fence: string | null = null;
  return body
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      const opened = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (opened) {
        const marker = opened[1]!;
        if (fence === null) fence = marker[0]!.repeat(marker.length);
        else if (marker[0] === fence[0] && marker.length >= fence.length) fence = null;
        return line;
      }
      if (fence !== null) return line;
      return line.replace(/^ {0,3}(#{1,6})(?=\s|$)/, (_, hashes: string) => '#'.repeat(Math.min(6, hashes.length + level)));
    })
    .join('\n')
    .trim();
}

/**
 * A safe URL (see `safeHref`) as a Markdown link destination: parentheses, spaces and angle
 * brackets percent-encoded, so the link ends where it should.
 */
export function linkDestination(href: string): string {
  return href.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
