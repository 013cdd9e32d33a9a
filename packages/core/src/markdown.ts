/**
 * A small, safe Markdown: text people write in incident updates, timeline notes and postmortems,
 * parsed into a small syntax tree that elements render with templates (Lit), never as HTML.
 *
 * Decision: a CommonMark subset written here, not a library (marked + DOMPurify).
 * - Size: marked is roughly 12 kB gzipped and DOMPurify roughly 8 kB more, more than an element
 *   that shows Markdown may weigh in all (Lit included). This module is about 4 kB gzipped and
 *   the elements' renderer under 1 kB, with no dependency.
 * - Safety by construction: a library produces an HTML string that must be sanitised and then
 *   parsed by the browser (`innerHTML`). Here no HTML is ever produced or parsed: raw HTML in the
 *   source stays literal text (`<script>` is shown, not run), and a link exists only when its
 *   URL passes {@link safeHref} (http, https and mailto). The renderer binds text and attributes
 *   through templates, so there is nothing to sanitise.
 * - Clarity: the tree has seven block and six inline shapes; a renderer is a switch over them.
 *
 * What it understands (CommonMark 0.31, unless noted):
 * - paragraphs; line breaks (a newline inside a paragraph is a line break, as in GitHub
 *   comments and on status pages, unless `breaks: false`; two trailing spaces or a backslash
 *   always make one);
 * - `*emphasis*`, `**strong**` (also with `_`), with CommonMark's delimiter rules, relaxed next
 *   to Chinese, Japanese and Korean text so `**「重要」**です` works; `` `code` ``;
 * - `[text](url "title")` links and `<https://...>` / `<name@example.com>` autolinks, only with
 *   http, https and mailto URLs (others keep their text and lose the link); bare `http(s)://`
 *   URLs are linked (trailing punctuation excluded, as GitHub does);
 * - fenced (``` and ~~~) and indented code blocks; ATX and setext headings; block quotes;
 *   bullet and numbered lists (tight or loose); thematic breaks; GitHub pipe tables;
 * - backslash escapes; numeric character references and `&amp; &lt; &gt; &quot; &apos; &nbsp;`
 *   (other named references stay literal).
 * Not supported: raw HTML (kept as text), reference-style links, images (`![alt](url)` shows as
 * `!` and a link to the image).
 *
 * Hostile input is bounded: containers and emphasis nest at most {@link MAX_NESTING} deep
 * (deeper markers stay literal text), and every step is linear or close to it, so a 20,000
 * character body of `*` or `[` or backticks parses in milliseconds.
 */

/** Inline content. `text` is shown as is (never parsed as HTML). */
export type MdInline =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'code'; readonly text: string }
  | { readonly type: 'break' }
  | { readonly type: 'em' | 'strong'; readonly children: readonly MdInline[] }
  /** `href` has passed {@link safeHref}. */
  | { readonly type: 'link'; readonly href: string; readonly title: string | null; readonly children: readonly MdInline[] };

export type MdAlign = 'left' | 'center' | 'right' | null;

/** Block content. */
export type MdBlock =
  | { readonly type: 'paragraph'; readonly children: readonly MdInline[] }
  /** Level 1-6. Renderers inside a larger page may show it as strong text rather than a real heading. */
  | { readonly type: 'heading'; readonly level: number; readonly children: readonly MdInline[] }
  /** `lang`: the first word of a fence's info string, when given. */
  | { readonly type: 'code'; readonly text: string; readonly lang: string | null }
  | { readonly type: 'quote'; readonly children: readonly MdBlock[] }
  /** `tight`: no blank lines between items (render their paragraphs without spacing). */
  | { readonly type: 'list'; readonly ordered: boolean; readonly start: number; readonly tight: boolean; readonly items: readonly (readonly MdBlock[])[] }
  | { readonly type: 'rule' }
  | { readonly type: 'table'; readonly align: readonly MdAlign[]; readonly head: readonly (readonly MdInline[])[]; readonly rows: readonly (readonly (readonly MdInline[])[])[] };

export interface MarkdownOptions {
  /** A newline inside a paragraph is a line break (default true); false: it is a space, as in CommonMark. */
  readonly breaks?: boolean;
}

/** How deep block quotes, lists and emphasis may nest; deeper markers are kept as literal text. */
export const MAX_NESTING = 16;

/**
 * The URL as it may be used for a link, or null when it may not: only absolute `http://`,
 * `https://` and `mailto:` URLs, with no control characters (spaces become `%20`). Everything
 * else (`javascript:`, `data:`, `vbscript:`, relative URLs, obfuscated schemes) is refused, so
 * what is checked is exactly what the browser will follow.
 */
export function safeHref(url: string): string | null {
  const href = url.trim().replace(/ /g, '%20');
  if (/[\p{Cc}\s]/u.test(href)) return null;
  return /^(?:https?:\/\/[^/?#\\]|mailto:.)/i.test(href) ? href : null;
}

/** Parses Markdown `source` into blocks (see the module notes for what it understands). */
export function parseMarkdown(source: string, options: MarkdownOptions = {}): MdBlock[] {
  const lines = source
    .replace(/\r\n?/g, '\n')
    .replaceAll('\u0000', '\uFFFD')
    .split('\n')
    .map(expandTabs);
  return parseBlocks(lines, 0, options.breaks ?? true);
}

/** The plain text of parsed Markdown: blocks on their own lines, no markup (for search, previews, lengths). */
export function markdownText(blocks: readonly MdBlock[]): string {
  return blocks.map(blockText).join('\n');
}

function blockText(block: MdBlock): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return inlineText(block.children);
    case 'code':
      return block.text;
    case 'quote':
      return markdownText(block.children);
    case 'list':
      return block.items.map(markdownText).join('\n');
    case 'rule':
      return '';
    case 'table':
      return [block.head, ...block.rows].map((row) => row.map(inlineText).join('\t')).join('\n');
  }
}

function inlineText(nodes: readonly MdInline[]): string {
  let text = '';
  for (const node of nodes) {
    if (node.type === 'break') text += '\n';
    else if (node.type === 'text' || node.type === 'code') text += node.text;
    else text += inlineText(node.children);
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Blocks

const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/;
const SETEXT = /^ {0,3}(=+|-+) *$/;
const RULE = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const QUOTE = /^ {0,3}> ?/;
const ITEM = /^( {0,3})([-+*]|\d{1,9}[.)])( *)(.*)$/;
const TABLE_DELIMITER = /^ {0,3}\|?(?: *:?-+:? *\|)*(?: *:?-+:? *)\|? *$/;

/** Leading tabs to spaces (tab stops of 4), so indentation can be counted in spaces. */
function expandTabs(line: string): string {
  if (!/^ *\t/.test(line)) return line;
  let column = 0;
  let i = 0;
  for (; i < line.length && (line[i] === ' ' || line[i] === '\t'); i++) column += line[i] === '\t' ? 4 - (column % 4) : 1;
  return ' '.repeat(column) + line.slice(i);
}

const isBlank = (line: string): boolean => /^[ \t]*$/.test(line);
const indentOf = (line: string): number => /^ */.exec(line)![0].length;

interface ListItemStart {
  readonly ordered: boolean;
  /** The bullet character, or the delimiter (`.` or `)`) of a number. */
  readonly marker: string;
  readonly start: number;
  /** Column where the item's content begins. */
  readonly offset: number;
  readonly empty: boolean;
}

function listItem(line: string): ListItemStart | null {
  const m = ITEM.exec(line);
  if (!m || (m[3] === '' && m[4] !== '')) return null;
  const marker = m[2]!;
  const before = m[1]!.length + marker.length;
  const spaces = m[3]!.length;
  const empty = m[4]!.trim() === '';
  const ordered = /\d/.test(marker);
  return {
    ordered,
    marker: marker.slice(-1),
    start: ordered ? Number(marker.slice(0, -1)) : 1,
    offset: before + (empty || spaces > 4 ? 1 : spaces),
    empty,
  };
}

/** Whether `line` begins a block that ends a paragraph (or a lazy continuation). */
function interrupts(line: string): boolean {
  if (FENCE.test(line) || ATX.test(line) || RULE.test(line) || QUOTE.test(line)) return true;
  const item = listItem(line);
  return item !== null && !item.empty && (!item.ordered || item.start === 1);
}

function splitCells(line: string): string[] {
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1);
  return row.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

function parseBlocks(lines: readonly string[], depth: number, breaks: boolean): MdBlock[] {
  const out: MdBlock[] = [];
  const inline = (text: string): MdInline[] => parseInline(text, breaks);
  let para: string[] = [];
  const flush = (): void => {
    if (para.length > 0) out.push({ type: 'paragraph', children: inline(para.join('\n').trim()) });
    para = [];
  };
  const nested = depth < MAX_NESTING;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      flush();
      i++;
      continue;
    }
    if (indentOf(line) >= 4) {
      if (para.length > 0) {
        para.push(line);
        i++;
        continue;
      }
      const code: string[] = [];
      while (i < lines.length && (isBlank(lines[i]!) || indentOf(lines[i]!) >= 4)) code.push(lines[i++]!.slice(4));
      while (code.length > 0 && isBlank(code[code.length - 1]!)) code.pop();
      out.push({ type: 'code', text: code.join('\n'), lang: null });
      continue;
    }
    let m = FENCE.exec(line);
    if (m && !(m[2]![0] === '`' && m[3]!.includes('`'))) {
      flush();
      const indent = m[1]!.length;
      const fence = m[2]!;
      const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},} *$`);
      const code: string[] = [];
      i++;
      while (i < lines.length && !close.test(lines[i]!)) {
        const text = lines[i++]!;
        code.push(text.slice(Math.min(indent, indentOf(text))));
      }
      i++;
      const lang = m[3]!.trim().split(/\s+/)[0] ?? '';
      out.push({ type: 'code', text: code.join('\n'), lang: lang === '' ? null : unescape(lang) });
      continue;
    }
    m = ATX.exec(line);
    if (m) {
      flush();
      const text = (m[2] ?? '').replace(/(?:^|[ \t]+)#+[ \t]*$/, '').trim();
      out.push({ type: 'heading', level: m[1]!.length, children: inline(text) });
      i++;
      continue;
    }
    m = SETEXT.exec(line);
    if (m && para.length > 0) {
      out.push({ type: 'heading', level: m[1]![0] === '=' ? 1 : 2, children: inline(para.join('\n').trim()) });
      para = [];
      i++;
      continue;
    }
    if (RULE.test(line)) {
      flush();
      out.push({ type: 'rule' });
      i++;
      continue;
    }
    if (nested && QUOTE.test(line)) {
      flush();
      const inner: string[] = [];
      while (i < lines.length) {
        const next = lines[i]!;
        if (QUOTE.test(next)) inner.push(next.replace(QUOTE, ''));
        else if (isBlank(next) || isBlank(inner[inner.length - 1] ?? '') || interrupts(next)) break;
        else inner.push(next); // lazy continuation of the quoted paragraph
        i++;
      }
      out.push({ type: 'quote', children: parseBlocks(inner, depth + 1, breaks) });
      continue;
    }
    const item = nested ? listItem(line) : null;
    if (item && (para.length === 0 || (!item.empty && (!item.ordered || item.start === 1)))) {
      flush();
      i = parseList(lines, i, item, depth, breaks, out);
      continue;
    }
    if (line.includes('|') && i + 1 < lines.length && TABLE_DELIMITER.test(lines[i + 1]!) && lines[i + 1]!.includes('|')) {
      const head = splitCells(line);
      const align = splitCells(lines[i + 1]!).map((cell): MdAlign =>
        cell.startsWith(':') ? (cell.endsWith(':') ? 'center' : 'left') : cell.endsWith(':') ? 'right' : null,
      );
      if (head.length === align.length) {
        flush();
        const rows: MdInline[][][] = [];
        i += 2;
        while (i < lines.length && !isBlank(lines[i]!) && !interrupts(lines[i]!)) {
          const cells = splitCells(lines[i++]!);
          rows.push(align.map((_, k) => inline(cells[k] ?? '')));
        }
        out.push({ type: 'table', align, head: head.map(inline), rows });
        continue;
      }
    }
    para.push(line);
    i++;
  }
  flush();
  return out;
}

/** Reads the list starting at `lines[start]` into `out`; returns the index after it. */
function parseList(lines: readonly string[], start: number, first: ListItemStart, depth: number, breaks: boolean, out: MdBlock[]): number {
  const items: MdBlock[][] = [];
  let tight = true;
  let i = start;
  let item: ListItemStart | null = first;
  while (item && item.ordered === first.ordered && item.marker === first.marker && !RULE.test(lines[i]!)) {
    const content = [lines[i]!.slice(item.offset)];
    i++;
    while (i < lines.length) {
      const next = lines[i]!;
      if (isBlank(next)) content.push('');
      else if (indentOf(next) >= item.offset) content.push(next.slice(item.offset));
      else if (content[content.length - 1] !== '' && !interrupts(next) && !listItem(next)) content.push(next.trimStart());
      else break;
      i++;
    }
    let blanks = 0;
    while (content.length > 1 && isBlank(content[content.length - 1]!)) {
      content.pop();
      blanks++;
    }
    const blocks = parseBlocks(content, depth + 1, breaks);
    if (blocks.length > 1 && content.slice(1).some(isBlank)) tight = false;
    items.push(blocks);
    item = i < lines.length ? listItem(lines[i]!) : null;
    if (blanks > 0 && item && item.ordered === first.ordered && item.marker === first.marker) tight = false;
  }
  out.push({ type: 'list', ordered: first.ordered, start: first.start, tight, items });
  return i;
}

// ---------------------------------------------------------------------------------------------
// Inlines

const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;
const ESCAPABLE = /[!-/:-@[-`{-~]/;
const WORD = /[\p{L}\p{N}]/u;
const SPECIAL = /[\\`*_[\]<&\nhH]/g;
const ENTITY = /&(?:#[xX]([0-9a-fA-F]{1,6})|#(\d{1,7})|([a-zA-Z][a-zA-Z0-9]{1,31}));/y;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const AUTOLINK = /<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*)>/y;
const EMAIL = /<([\w.!#$%&'*+/=?^`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*)>/y;
const BARE_URL = /https?:\/\/[\p{L}\p{N}][^\s<[\]]*/iuy;

type Node =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'break' }
  | { type: 'em' | 'strong'; children: Node[] }
  | { type: 'link'; href: string; title: string | null; children: Node[] };

/** One node of the doubly linked list inlines are built in. */
interface Item {
  node: Node;
  prev: Item | null;
  next: Item | null;
}

/** A run of `*` or `_` that may open or close emphasis. */
interface Delimiter {
  readonly item: Item;
  readonly char: string;
  count: number;
  readonly length: number;
  readonly canOpen: boolean;
  readonly canClose: boolean;
  prev: Delimiter | null;
  next: Delimiter | null;
}

interface Bracket {
  readonly item: Item;
  readonly prev: Bracket | null;
  readonly bottom: Delimiter | null;
  active: boolean;
}

function decodeEntity(match: RegExpExecArray): string {
  const [all, hex, dec, name] = match;
  if (name !== undefined) return NAMED[name] ?? all;
  const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
  return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(code);
}

/** Backslash escapes and character references of a link destination, title or info string. */
function unescape(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])|&(?:#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});/g, (all, escaped: string | undefined) => {
    if (escaped !== undefined) return escaped;
    ENTITY.lastIndex = 0;
    return decodeEntity(ENTITY.exec(all)!);
  });
}

const depths = new WeakMap<Node, number>();
const depthOf = (nodes: readonly Node[]): number => nodes.reduce((max, n) => Math.max(max, depths.get(n) ?? 0), 0);

/** Adjacent text nodes as one. */
function merge(nodes: Node[]): Node[] {
  const out: Node[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text') out[out.length - 1] = { type: 'text', text: last.text + node.text };
    else if (node.type !== 'text' || node.text !== '') out.push(node);
  }
  return out;
}

/** Links inside a link's text keep their text only (a link never contains a link). */
function unlink(nodes: Node[]): Node[] {
  return nodes.flatMap((n): Node[] => {
    if (n.type === 'link') return unlink(n.children);
    if (n.type === 'em' || n.type === 'strong') {
      const node: Node = { type: n.type, children: merge(unlink(n.children)) };
      depths.set(node, depths.get(n) ?? 1);
      return [node];
    }
    return [n];
  });
}

/** Reads `(destination "title")` at `pos`; null when there is none. */
function linkTail(src: string, pos: number): { dest: string; title: string | null; end: number } | null {
  let p = pos + 1;
  const skip = (): void => {
    while (p < src.length && /[ \t\n]/.test(src[p]!)) p++;
  };
  if (src[pos] !== '(') return null;
  skip();
  let dest: string;
  if (src[p] === '<') {
    const m = /<((?:[^<>\n\\]|\\.)*)>/y;
    m.lastIndex = p;
    const found = m.exec(src);
    if (!found) return null;
    dest = found[1]!;
    p = m.lastIndex;
  } else {
    const from = p;
    let parens = 0;
    while (p < src.length) {
      const c = src[p]!;
      if (c === '\\' && p + 1 < src.length && ESCAPABLE.test(src[p + 1]!)) p += 2;
      else if (c === '(') {
        if (++parens > 32) return null;
        p++;
      } else if (c === ')') {
        if (parens === 0) break;
        parens--;
        p++;
      } else if (/[\s\p{Cc}]/u.test(c)) break;
      else p++;
    }
    if (parens !== 0) return null;
    dest = src.slice(from, p);
  }
  const beforeTitle = p;
  skip();
  let title: string | null = null;
  const open = src[p];
  if (p > beforeTitle && (open === '"' || open === "'" || open === '(')) {
    const close = open === '(' ? ')' : open;
    const m = new RegExp(`\\${open}((?:[^\\\\\\${close}]|\\\\.)*)\\${close}`, 'ys');
    m.lastIndex = p;
    const found = m.exec(src);
    if (found) {
      title = unescape(found[1]!);
      p = m.lastIndex;
      skip();
    }
  }
  if (src[p] !== ')') return null;
  return { dest: unescape(dest), title, end: p + 1 };
}

/** A bare URL as GitHub links it: trailing punctuation and unbalanced `)` are not part of it. */
function trimUrl(url: string): string {
  for (;;) {
    const last = url[url.length - 1]!;
    if (/[?!.,:*_~'";]/.test(last)) url = url.slice(0, -1);
    else if (last === ')' && url.split(')').length > url.split('(').length) url = url.slice(0, -1);
    else if (/&[a-zA-Z0-9]+;$/.test(url)) url = url.replace(/&[a-zA-Z0-9]+;$/, '');
    else return url;
  }
}

function parseInline(src: string, breaks: boolean): MdInline[] {
  const head: Item = { node: { type: 'text', text: '' }, prev: null, next: null };
  let tail = head;
  let delimiters = null as Delimiter | null;
  let brackets = null as Bracket | null;
  let text = '';
  const noCloser = new Set<number>();

  const append = (node: Node): Item => {
    const item: Item = { node, prev: tail, next: null };
    tail.next = item;
    tail = item;
    return item;
  };
  const flushText = (): void => {
    if (text !== '') append({ type: 'text', text });
    text = '';
  };
  const removeItem = (item: Item): void => {
    item.prev!.next = item.next;
    if (item.next) item.next.prev = item.prev;
    else tail = item.prev!;
  };
  const removeDelimiter = (d: Delimiter): void => {
    if (d.prev) d.prev.next = d.next;
    if (d.next) d.next.prev = d.prev;
    else delimiters = d.prev;
  };
  /** Takes the nodes between two items out of the list. */
  const between = (from: Item, to: Item | null): Node[] => {
    const nodes: Node[] = [];
    for (let item = from.next; item && item !== to; item = item.next) nodes.push(item.node);
    from.next = to;
    if (to) to.prev = from;
    else tail = from;
    return nodes;
  };
  const insertAfter = (at: Item, node: Node): Item => {
    const item: Item = { node, prev: at, next: at.next };
    if (at.next) at.next.prev = item;
    else tail = item;
    at.next = item;
    return item;
  };

  /** CommonMark's "process emphasis" over the delimiters above `bottom`. */
  const processEmphasis = (bottom: Delimiter | null): void => {
    const openersBottom = new Map<string, Delimiter | null>();
    let closer: Delimiter | null = delimiters;
    while (closer && closer.prev !== bottom) closer = closer.prev;
    while (closer) {
      if (!closer.canClose) {
        closer = closer.next;
        continue;
      }
      const key = `${closer.char}${closer.canOpen ? 1 : 0}${closer.length % 3}`;
      let opener: Delimiter | null = closer.prev;
      let found = false;
      while (opener && opener !== bottom && opener !== openersBottom.get(key)) {
        const odd = (opener.canClose || closer.canOpen) && closer.length % 3 !== 0 && (opener.length + closer.length) % 3 === 0;
        if (opener.char === closer.char && opener.canOpen && !odd) {
          found = true;
          break;
        }
        opener = opener.prev;
      }
      const current: Delimiter = closer;
      if (found && opener) {
        const use = closer.count >= 2 && opener.count >= 2 ? 2 : 1;
        opener.count -= use;
        closer.count -= use;
        (opener.item.node as { text: string }).text = opener.char.repeat(opener.count);
        (closer.item.node as { text: string }).text = closer.char.repeat(closer.count);
        const children = merge(between(opener.item, closer.item));
        const depth = depthOf(children) + 1;
        if (depth > MAX_NESTING) {
          // Too deep: keep the markers as text rather than nest further.
          let at = insertAfter(opener.item, { type: 'text', text: opener.char.repeat(use) });
          for (const child of children) at = insertAfter(at, child);
          insertAfter(at, { type: 'text', text: closer.char.repeat(use) });
        } else {
          const node: Node = { type: use === 1 ? 'em' : 'strong', children };
          depths.set(node, depth);
          insertAfter(opener.item, node);
        }
        opener.next = closer;
        closer.prev = opener;
        if (opener.count === 0) {
          removeItem(opener.item);
          removeDelimiter(opener);
        }
        if (closer.count === 0) {
          const next: Delimiter | null = closer.next;
          removeItem(closer.item);
          removeDelimiter(closer);
          closer = next;
        }
      } else {
        closer = closer.next;
        openersBottom.set(key, current.prev);
        if (!current.canOpen) removeDelimiter(current);
      }
    }
    while (delimiters && delimiters !== bottom) removeDelimiter(delimiters);
  };

  let pos = 0;
  while (pos < src.length) {
    SPECIAL.lastIndex = pos;
    const found = SPECIAL.exec(src);
    const at = found ? found.index : src.length;
    text += src.slice(pos, at);
    pos = at;
    if (!found) break;
    const c = src[pos]!;
    if (c === '\\') {
      const next = src[pos + 1];
      if (next === '\n') {
        flushText();
        append({ type: 'break' });
        pos += 2;
        while (src[pos] === ' ') pos++;
      } else if (next !== undefined && ESCAPABLE.test(next)) {
        text += next;
        pos += 2;
      } else {
        text += c;
        pos++;
      }
    } else if (c === '`') {
      const run = /`+/y;
      run.lastIndex = pos;
      const ticks = run.exec(src)![0];
      const n = ticks.length;
      let end = -1;
      if (!noCloser.has(n)) {
        const closing = new RegExp(`(?<!\`)\`{${n}}(?!\`)`, 'g');
        closing.lastIndex = pos + n;
        const close = closing.exec(src);
        if (close) end = close.index;
        else noCloser.add(n);
      }
      if (end < 0) {
        text += ticks;
        pos += n;
      } else {
        let code = src.slice(pos + n, end).replace(/\n/g, ' ');
        if (/^ .*[^ ].* $/s.test(code)) code = code.slice(1, -1);
        flushText();
        append({ type: 'code', text: code });
        pos = end + n;
      }
    } else if (c === '*' || c === '_') {
      let end = pos;
      while (src[end] === c) end++;
      const before = src[pos - 1] ?? '\n';
      const after = src[end] ?? '\n';
      const loose = (ch: string): boolean => WHITESPACE.test(ch) || PUNCTUATION.test(ch) || CJK.test(ch);
      const left = !WHITESPACE.test(after) && (!PUNCTUATION.test(after) || loose(before));
      const right = !WHITESPACE.test(before) && (!PUNCTUATION.test(before) || loose(after));
      const canOpen = c === '*' ? left : left && (!right || PUNCTUATION.test(before));
      const canClose = c === '*' ? right : right && (!left || PUNCTUATION.test(after));
      flushText();
      const item = append({ type: 'text', text: src.slice(pos, end) });
      const d: Delimiter = { item, char: c, count: end - pos, length: end - pos, canOpen, canClose, prev: delimiters, next: null };
      if (delimiters) delimiters.next = d;
      delimiters = d;
      pos = end;
    } else if (c === '[') {
      flushText();
      brackets = { item: append({ type: 'text', text: '[' }), prev: brackets, bottom: delimiters, active: true };
      pos++;
    } else if (c === ']') {
      pos++;
      const opener: Bracket | null = brackets;
      const tailOf = opener?.active ? linkTail(src, pos) : null;
      if (!opener || !tailOf) {
        if (opener) brackets = opener.prev;
        text += ']';
        continue;
      }
      flushText();
      processEmphasis(opener.bottom);
      const children = merge(unlink(between(opener.item, null)));
      removeItem(opener.item);
      brackets = opener.prev;
      const href = safeHref(tailOf.dest);
      if (href !== null && depthOf(children) < MAX_NESTING) {
        const node: Node = { type: 'link', href, title: tailOf.title, children };
        depths.set(node, depthOf(children) + 1);
        append(node);
        for (let b = brackets; b; b = b.prev) b.active = false;
      } else {
        for (const child of children) append(child);
      }
      pos = tailOf.end;
    } else if (c === '<') {
      AUTOLINK.lastIndex = pos;
      EMAIL.lastIndex = pos;
      const uri = AUTOLINK.exec(src);
      const email = uri ? null : EMAIL.exec(src);
      const href = uri ? safeHref(uri[1]!) : email ? safeHref(`mailto:${email[1]!}`) : null;
      if (href !== null) {
        flushText();
        append({ type: 'link', href, title: null, children: [{ type: 'text', text: (uri ?? email)![1]! }] });
        pos += (uri ?? email)![0].length;
      } else {
        text += c;
        pos++;
      }
    } else if (c === '&') {
      ENTITY.lastIndex = pos;
      const entity = ENTITY.exec(src);
      text += entity ? decodeEntity(entity) : c;
      pos += entity ? entity[0].length : 1;
    } else if (c === '\n') {
      const trailing = /( *)$/.exec(text)![1]!.length;
      text = text.slice(0, text.length - trailing);
      if (trailing >= 2 || breaks) {
        flushText();
        append({ type: 'break' });
      } else text += '\n';
      pos++;
      while (src[pos] === ' ') pos++;
    } else {
      // h or H: a bare URL, when one starts here at a word boundary.
      BARE_URL.lastIndex = pos;
      const url = WORD.test(src[pos - 1] ?? ' ') ? null : BARE_URL.exec(src);
      const shown = url ? trimUrl(url[0]) : '';
      const href = safeHref(shown);
      if (href !== null) {
        flushText();
        append({ type: 'link', href, title: null, children: [{ type: 'text', text: shown }] });
        pos += shown.length;
      } else {
        text += c;
        pos++;
      }
    }
  }
  flushText();
  processEmphasis(null);
  const nodes: Node[] = [];
  for (let item = head.next; item; item = item.next) nodes.push(item.node);
  return merge(nodes);
}
