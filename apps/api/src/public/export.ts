/**
 * `hansei export DIR`: a static snapshot of the public surface that any static host or CDN can
 * serve, so the status page stays up when your own infrastructure is down. Every
 * `/api/v2/*.json` document, the status snapshot (`/v1/status.json`), the Atom feed and the
 * badge are written at paths mirroring their URLs, over a copy of the built status page when one is given. Each file is written to a
 * temporary name and renamed, so a host serving `dir` never sees half a file.
 */
import { cp, mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { Services } from '../services.js';
import { BADGE_PATH, renderBadge } from './badge.js';
import { loadPublicData } from './data.js';
import { FEED_PATHS, renderFeed } from './feed.js';
import { SNAPSHOT_PATH, snapshotOf } from './snapshot.js';
import { STATUSPAGE_DOCUMENTS } from './statuspage.js';

export interface ExportOptions {
  /** A built status page (its `dist`) to copy into the snapshot first. */
  readonly statusPageDir?: string | undefined;
  /** The page's URL when the `page` setting names none (default `http://localhost:3000`). */
  readonly url?: string | undefined;
}

/**
 * Headers for hosts that read a `_headers` file (Netlify, Cloudflare Pages): the documents are
 * CORS-open like the live API's, and revalidated often.
 */
const HEADERS_FILE = `/api/v2/*
  Access-Control-Allow-Origin: *
  Cache-Control: public, max-age=60, stale-while-revalidate=300
/*.atom
  Content-Type: application/atom+xml; charset=utf-8
  Access-Control-Allow-Origin: *
/v1/*
  Access-Control-Allow-Origin: *
  Cache-Control: public, max-age=60, stale-while-revalidate=300
`;

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'));
}

async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}

/**
 * The documents of a snapshot by relative path, rendered from the database now. `url` is the
 * page's URL when the `page` setting names none.
 */
export async function snapshotDocuments(services: Services, url: string): Promise<Map<string, string>> {
  const input = await loadPublicData(services.db, url.replace(/\/+$/, ''));
  // The snapshot is served at the page's URL: the feed's self links point there.
  const base = input.data.page.url.replace(/\/+$/, '');
  const documents = new Map<string, string>();
  for (const doc of STATUSPAGE_DOCUMENTS) documents.set(doc.path.slice(1), JSON.stringify(doc.render(input)));
  for (const path of FEED_PATHS) documents.set(path.slice(1), renderFeed(input, `${base}${path}`));
  documents.set(BADGE_PATH.slice(1), renderBadge(input) as string);
  documents.set(SNAPSHOT_PATH.slice(1), JSON.stringify(snapshotOf(input, new Date(services.now()).toISOString())));
  return documents;
}

/**
 * Writes the snapshot into `dir` (created if missing; other files in it are left alone) and
 * returns the paths written, relative to `dir`, sorted.
 *
 * @throws when `statusPageDir` is given but is not a folder.
 */
export async function exportSnapshot(services: Services, dir: string, options: ExportOptions = {}): Promise<{ files: string[] }> {
  const written = new Set<string>();
  await mkdir(dir, { recursive: true });
  if (options.statusPageDir !== undefined) {
    const info = await stat(options.statusPageDir).catch(() => null);
    if (!info?.isDirectory()) throw new Error(`There is no built status page in ${options.statusPageDir}: build it first (pnpm build).`);
    await cp(options.statusPageDir, dir, { recursive: true });
    for (const file of await filesUnder(options.statusPageDir)) written.add(file);
  }
  if (!written.has('_headers')) {
    await writeAtomically(join(dir, '_headers'), HEADERS_FILE);
    written.add('_headers');
  }
  for (const [path, text] of await snapshotDocuments(services, options.url ?? 'http://localhost:3000')) {
    await writeAtomically(join(dir, ...path.split('/')), text);
    written.add(path);
  }
  return { files: [...written].sort() };
}
