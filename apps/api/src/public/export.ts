/**
 * `hansei export DIR`: a static snapshot of the public surface that any static host or CDN can
 * serve, so the status page stays up when your own infrastructure is down. Every
 * `/api/v2/*.json` document, the status snapshot (`/v1/status.json`), the Atom feed and the
 * badge are written at paths mirroring their URLs; with the built status page, every page too
 * (rendered now, from one reading of the status: home, history by month, each public incident and
 * maintenance, in English and Japanese, and `404.html`), each as `<path>/index.html` so a plain
 * static server serves it at its URL, beside the page's script and robots.txt. The pages' script
 * follows the live API when it can be reached (`api`) and otherwise shows this snapshot, dated.
 * Each file is written to a temporary name and renamed, so a host serving `dir` never sees half a
 * file.
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { createApp } from '../http/app.js';
import type { StatusPageRenderer } from '../http/status-page.js';
import type { Services } from '../services.js';
import { BADGE_PATH, renderBadge } from './badge.js';
import { loadPublicData } from './data.js';
import { FEED_PATHS, renderFeed } from './feed.js';
import { SNAPSHOT_PATH, snapshotOf } from './snapshot.js';
import { STATUSPAGE_DOCUMENTS } from './statuspage.js';
import { closePublic } from './index.js';

export interface ExportOptions {
  /**
   * The status page to write (`loadStatusPage` of the built app). Null: it was asked for but has
   * not been built (an error); undefined: documents only.
   */
  readonly statusPage?: StatusPageRenderer | null | undefined;
  /** The page's URL when the `page` setting names none (default `http://localhost:3000`). */
  readonly url?: string | undefined;
  /** Where the pages' script finds the live API, when not at the pages' own origin. */
  readonly api?: string | undefined;
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
/assets/*
  Cache-Control: public, max-age=31536000, immutable
/*
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
`;

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'));
}

async function writeAtomically(path: string, text: string | Buffer): Promise<void> {
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

/** The status page's files: every page, rendered through the API's own routes in-process, and the built client's files. */
async function statusPageFiles(services: Services, page: StatusPageRenderer, url: string, api: string | undefined): Promise<Map<string, string | Buffer>> {
  const files = new Map<string, string | Buffer>();
  if (page.clientDir) {
    for (const file of await filesUnder(page.clientDir)) {
      // The build's manifest is for the server, not for visitors.
      if (!file.startsWith('.vite/')) files.set(file, await readFile(join(page.clientDir, ...file.split('/'))));
    }
  }
  const app = createApp({ version: 'export', services, public: { rateLimit: false } });
  try {
    const local = ((input: string | URL | Request, init?: RequestInit) => app.fetch(new Request(input, init))) as typeof fetch;
    const pages = await page.exportPages({ url: url.replace(/\/+$/, '') + '/', fetch: local, now: services.now(), api: api ?? null });
    for (const { path, html } of pages) files.set(path, html);
  } finally {
    await closePublic(app);
  }
  return files;
}

/**
 * Writes the snapshot into `dir` (created if missing; other files in it are left alone) and
 * returns the paths written, relative to `dir`, sorted.
 *
 * @throws when the status page was asked for (`statusPage: null`) but has not been built.
 */
export async function exportSnapshot(services: Services, dir: string, options: ExportOptions = {}): Promise<{ files: string[] }> {
  if (options.statusPage === null) throw new Error('There is no built status page (apps/status-page/dist): build it first (pnpm build).');
  const written = new Set<string>();
  const url = options.url ?? 'http://localhost:3000';
  await mkdir(dir, { recursive: true });
  const files = options.statusPage ? await statusPageFiles(services, options.statusPage, url, options.api) : new Map<string, string | Buffer>();
  if (!files.has('_headers')) files.set('_headers', HEADERS_FILE);
  for (const [path, text] of await snapshotDocuments(services, url)) files.set(path, text);
  for (const [path, content] of files) {
    await writeAtomically(join(dir, ...path.split('/')), content);
    written.add(path);
  }
  return { files: [...written].sort() };
}
