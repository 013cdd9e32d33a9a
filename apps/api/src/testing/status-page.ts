/**
 * A stand-in for the status page app's renderer (apps/status-page, which the API loads by path
 * and never imports), for the API's own tests of serving and exporting pages: it reads the status
 * through the fetch it is given, as the real one does, and counts its renders. The real renderer
 * is tested end to end in apps/status-page.
 */
import type { StatusPageRenderer } from '../http/status-page.js';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface FakeStatusPage extends StatusPageRenderer {
  /** Renders so far. */
  renders: number;
  /** Make renders fail (a database down). */
  fail: boolean;
}

/** Pages at `/` and `/ja/` (200) and anything else (404), showing the page's name and status description. */
export function fakeStatusPage(clientDir: string | null = null): FakeStatusPage {
  const page: FakeStatusPage = {
    clientDir,
    renders: 0,
    fail: false,
    async render({ url, fetch }) {
      page.renders++;
      if (page.fail) throw new Error('the status cannot be read');
      const response = await fetch(new URL('/v1/status.json', url));
      if (!response.ok) throw new Error(`status.json answered ${response.status}`);
      const snapshot = (await response.json()) as { page: { name: string }; status: { description: string }; generatedAt: string };
      const path = new URL(url).pathname;
      const html = `<!doctype html><title>${escape(snapshot.status.description)}</title><hansei-status-summary id="status-summary"></hansei-status-summary><p>${escape(snapshot.page.name)} ${escape(path)}</p>`;
      return { status: path === '/' || path === '/ja/' ? 200 : 404, html, generatedAt: snapshot.generatedAt };
    },
    unavailable: (url) => `<!doctype html><title>unavailable</title><p>${escape(new URL(url).pathname)}</p>`,
    async exportPages(request) {
      const pages = [];
      for (const path of ['/', '/ja/', '/nope']) {
        const { status, html } = await page.render({ ...request, url: new URL(path, request.url).href });
        pages.push({ path: status === 200 ? `${path.slice(1)}index.html` : '404.html', html: request.api ? html.replace('<title>', `<meta name="hansei-api" content="${escape(request.api)}"><title>`) : html });
      }
      return pages;
    },
  };
  return page;
}
