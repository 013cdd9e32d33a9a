/**
 * What the portal's first load costs, from the Vite build's manifest: every file the page loads
 * before it shows anything (index.html, the entry, its static imports and CSS), then what each
 * view adds when first opened. Each file gzipped on its own (level 9), as a server sends it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface Chunk {
  readonly file: string;
  readonly imports?: readonly string[];
  readonly css?: readonly string[];
  readonly isEntry?: boolean;
}

export interface Load {
  readonly files: number;
  readonly raw: number;
  readonly gzip: number;
}

export function portalBytes(dist: string): { readonly first: Load; readonly views: readonly (Load & { readonly view: string })[] } {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, Chunk>;
  const closure = (key: string, into = new Set<string>()): Set<string> => {
    const chunk = manifest[key];
    if (!chunk || into.has(chunk.file)) return into;
    into.add(chunk.file);
    for (const css of chunk.css ?? []) into.add(css);
    for (const imported of chunk.imports ?? []) closure(imported, into);
    return into;
  };
  const sizeOf = (files: Iterable<string>): Load => {
    let raw = 0;
    let gzip = 0;
    let count = 0;
    for (const file of files) {
      const bytes = readFileSync(join(dist, file));
      raw += bytes.length;
      gzip += gzipSync(bytes, { level: 9 }).length;
      count++;
    }
    return { files: count, raw, gzip };
  };
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry)!;
  const first = closure(entry);
  first.add('index.html');
  const views = Object.keys(manifest)
    .filter((key) => /src\/(views|admin)\/[^/]+\.ts$/.test(key) && !key.includes('.styles.'))
    .map((key) => {
      const extra = [...closure(key)].filter((file) => !first.has(file));
      return { view: key.replace(/^.*src\//, ''), ...sizeOf(extra) };
    })
    .sort((a, b) => a.view.localeCompare(b.view));
  return { first: sizeOf(first), views };
}
