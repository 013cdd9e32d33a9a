/**
 * The status page on the server: `createStatusPage()` renders any of its URLs to a complete HTML
 * document from what a status adapter reads, and lists every page a static export needs.
 *
 * `hansei serve` loads the built module (`dist/server/index.js`) by path, so the API depends on
 * nothing of this app's code (api → core only): it hands `render()` a `fetch` that answers from
 * its own routes in-process, and the page reads exactly what an anonymous visitor of the API
 * could (a `RestStatusAdapter` on that fetch). Tests hand it any adapter (`MemoryAdapter`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StatusAdapter } from '@hansei/adapters';
import { RestStatusAdapter } from '@hansei/adapters/status';
import type { Incident, Locale, Maintenance, StatusSnapshot } from '@hansei/core';
import { monthOf, shiftMonth } from '@hansei/elements/incident-feed/months.js';
import { exportPath, parseStatusRoute, statusHref, type StatusRoute } from '../routes.js';
import { latestMonth, loadPage, type PageData } from './data.js';
import { pageDocument } from './document.js';
import { inLocale } from './localize.js';
import { toHtml } from './ssr.js';
import { unavailableDocument } from './unavailable.js';

export { parseStatusRoute, statusHref, type StatusRoute } from '../routes.js';

/** The browser script's entry in the client build (its Vite manifest key). */
const CLIENT_ENTRY = 'src/client/main.ts';
const LOCALES: readonly Locale[] = ['en', 'ja'];
/** Months of history a static export writes at most. */
const EXPORT_MONTHS = 120;

export interface StatusPageOptions {
  /**
   * The built client (`vite build` output: the script, service worker, robots.txt), served and
   * exported beside the pages. Default: `../client` next to this module when it exists (the
   * built app); null: pages without script.
   */
  readonly clientDir?: string | null;
}

export interface PageRequest {
  /** The page's full URL (`http://127.0.0.1:3000/ja/incidents/inc_1/`). */
  readonly url: string;
  /** How to read: an adapter, or a fetch for the Hansei API at the URL's origin. */
  readonly adapter?: StatusAdapter;
  readonly fetch?: typeof fetch;
  /** Now, epoch milliseconds (default: the clock). */
  readonly now?: number;
  /** Where the page's script finds the API, when not at the page's origin (a static export on a CDN). */
  readonly api?: string | null;
  /** The oldest month history links to (a static export's first); default: no limit. */
  readonly earliestMonth?: string | null;
}

export interface RenderedPage {
  /** 200, or 404 for a page that does not exist (it still shows the status). */
  readonly status: number;
  readonly html: string;
  readonly route: StatusRoute;
  /** When the status shown was read (the snapshot's `generatedAt`). */
  readonly generatedAt: string;
}

export interface ExportedPage {
  /** Relative path of the file in the export (`ja/incidents/inc_1/index.html`, `404.html`). */
  readonly path: string;
  readonly html: string;
}

export interface StatusPage {
  /** The built client's folder (static files to serve beside the pages), or null. */
  readonly clientDir: string | null;
  /** The page at `request.url`. Rejects when the status cannot be read at all. */
  render(request: PageRequest): Promise<RenderedPage>;
  /** A small page that says the status cannot be read right now (for a server without a last good page). */
  unavailable(url: string): string;
  /** Every page of a static export, read once, consistently (one snapshot for all). */
  exportPages(request: Omit<PageRequest, 'earliestMonth'>): Promise<ExportedPage[]>;
}

/** The client script's URL from the build's manifest, or null without a build. */
function scriptUrl(clientDir: string | null): string | null {
  if (!clientDir) return null;
  const file = join(clientDir, '.vite', 'manifest.json');
  if (!existsSync(file)) return null;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { file?: string }>;
  const entry = manifest[CLIENT_ENTRY]?.file;
  return entry ? `/${entry}` : null;
}

function defaultClientDir(): string | null {
  const built = fileURLToPath(new URL('../client/', import.meta.url));
  return existsSync(join(built, '.vite', 'manifest.json')) ? built : null;
}

function adapterFor(request: PageRequest, origin: string): StatusAdapter {
  if (request.adapter) return request.adapter;
  if (!request.fetch) throw new TypeError('render() needs an adapter or a fetch.');
  return new RestStatusAdapter({ baseUrl: origin, fetch: request.fetch, retries: { attempts: 1 } });
}

/** The page's public origin: its configured URL's, else the request's. */
function publicOrigin(snapshot: StatusSnapshot, fallback: string): string {
  try {
    const url = new URL(snapshot.page.url);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
  } catch {
    // Not a URL: use the request's.
  }
  return fallback;
}

/** An adapter that reads the status once and then answers with that snapshot (one export, one state). */
function pinned(adapter: StatusAdapter): StatusAdapter {
  let status: ReturnType<StatusAdapter['status']> | undefined;
  return new Proxy(adapter, {
    get(target, key, receiver) {
      if (key === 'status') return () => (status ??= target.status());
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

async function everything<T>(read: (cursor: string | undefined) => Promise<{ data: readonly T[]; nextCursor: string | null }>): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await read(cursor);
    all.push(...page.data);
    if (!page.nextCursor) return all;
    cursor = page.nextCursor;
  }
}

/** The status page renderer (see the module comment). */
export function createStatusPage(options: StatusPageOptions = {}): StatusPage {
  const clientDir = options.clientDir === undefined ? defaultClientDir() : options.clientDir;
  const script = scriptUrl(clientDir);

  function document(data: PageData, route: StatusRoute, origin: string, now: number, request: Omit<PageRequest, 'url'>): string {
    return inLocale(route.locale, () =>
      toHtml(
        pageDocument({
          data,
          route,
          ctx: { locale: route.locale, timeZone: 'UTC', now, earliestMonth: request.earliestMonth ?? null },
          origin: publicOrigin(data.snapshot, origin),
          script,
          api: request.api ?? null,
        }),
      ),
    );
  }

  async function renderRoute(route: StatusRoute, adapter: StatusAdapter, origin: string, request: Omit<PageRequest, 'url'>): Promise<RenderedPage> {
    const now = request.now ?? Date.now();
    const data = await loadPage(adapter, route.page, now);
    const shown: StatusRoute = data.view === 'not-found' ? { locale: route.locale, page: { view: 'not-found' } } : route;
    return { status: data.view === 'not-found' ? 404 : 200, html: document(data, shown, origin, now, request), route: shown, generatedAt: data.snapshot.generatedAt };
  }

  return {
    clientDir,
    render(request) {
      const url = new URL(request.url);
      return renderRoute(parseStatusRoute(url.pathname), adapterFor(request, url.origin), url.origin, request);
    },
    unavailable(url) {
      return unavailableDocument(parseStatusRoute(new URL(url).pathname).locale, script);
    },
    async exportPages(request) {
      const origin = new URL(request.url).origin;
      const adapter = pinned(adapterFor(request, origin));
      const now = request.now ?? Date.now();
      const snapshot = await adapter.status();
      const zone = snapshot.page.timeZone || 'UTC';
      const [incidents, maintenances] = await Promise.all([
        everything<Incident>((cursor) => adapter.listIncidents({ limit: 200, ...(cursor ? { cursor } : {}) })),
        everything<Maintenance>((cursor) => adapter.listMaintenances({ limit: 200, ...(cursor ? { cursor } : {}) })),
      ]);
      const latest = latestMonth(snapshot, now);
      const starts = incidents.map((i) => Date.parse(i.startedAt)).filter(Number.isFinite);
      let earliest = starts.length ? monthOf(Math.min(...starts), zone) : latest;
      if (earliest < shiftMonth(latest, -(EXPORT_MONTHS - 1))) earliest = shiftMonth(latest, -(EXPORT_MONTHS - 1));
      const views: StatusRoute['page'][] = [{ view: 'home' }, { view: 'history', month: null }];
      for (let month = latest; month >= earliest; month = shiftMonth(month, -1)) views.push({ view: 'history', month });
      for (const incident of incidents) views.push({ view: 'incident', id: incident.id });
      for (const maintenance of maintenances) views.push({ view: 'maintenance', id: maintenance.id });
      const pages: ExportedPage[] = [];
      const options = { ...request, now, earliestMonth: earliest };
      for (const locale of LOCALES) {
        for (const page of views) {
          const route: StatusRoute = { locale, page };
          // An id the export cannot write as a folder (or that is no longer public) is skipped.
          if (parseStatusRoute(statusHref(route)).page.view === 'not-found') continue;
          const rendered = await renderRoute(route, adapter, origin, options);
          if (rendered.status === 200) pages.push({ path: exportPath(route), html: rendered.html });
        }
      }
      const missing = await renderRoute({ locale: 'en', page: { view: 'not-found' } }, adapter, origin, options);
      pages.push({ path: '404.html', html: missing.html });
      return pages;
    },
  };
}
