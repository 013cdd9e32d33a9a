/**
 * Live updates: the API's event stream (`/v1/stream`, Server-Sent Events, public changes only)
 * says when something the page shows changed; the page then fetches its own URL from the API
 * again and swaps in the server-rendered main content, title and favicon. No client rendering,
 * no element code: the server renders every page, so the browser only ever shows its HTML.
 *
 * While the stream cannot be reached (the API or the network is down, or the page is a static
 * export whose API is elsewhere and down) the page keeps what it shows and marks the status
 * banner `stale`, which shows "Last known status as of <time>" (the time the page's status was
 * read). It keeps trying, and catches up with one fetch as soon as the stream is back.
 *
 * A page that cannot show anything (unloaded or kept in the back/forward cache, frozen, or hidden
 * for a few seconds) closes its stream: over HTTP/1.1 a browser keeps at most six connections per
 * host, and a few such pages holding theirs would stall every other request to the server. Back
 * again, it opens the stream and fetches the page once.
 *
 * The page's API is its own origin, or `<meta name="hansei-api" content="https://…">` (a static
 * export served from a CDN, with the API elsewhere).
 */
import { queryDeep, setContent } from './dom.js';
import { localiseTimes } from './times.js';

/** The stream's events that change what a page shows (internal timeline and role changes do not). */
const EVENTS = [
  'component.created',
  'component.updated',
  'component.deleted',
  'component-group.created',
  'component-group.updated',
  'component-group.deleted',
  'incident.created',
  'incident.updated',
  'incident.update.created',
  'incident.withdrawn',
  'maintenance.created',
  'maintenance.updated',
  'maintenance.deleted',
  'postmortem-summary.updated',
  'postmortem-summary.deleted',
  'page.updated',
  'demo.seeded',
];
/** Changes arriving together are fetched once, this long after the first. */
const SETTLE_MS = 300;
/** A lost stream must stay lost this long before the page says so (a server restart is quicker). */
const GRACE_MS = 3_000;
/** How often a stream that could not be opened at all is tried again. */
const RETRY_MS = 30_000;
/** A page whose status is older than this when the stream opens (a static export) is fetched again. */
const FRESH_MS = 60_000;
/** How often an open page is fetched again anyway, so "in 2 hours" and "Today" stay true. */
const PERIOD_MS = 5 * 60_000;
/** A page hidden this long closes its stream until it is shown again. */
const HIDDEN_MS = 5_000;

/** Which `<details>` are open, by host and by the id of what they belong to (restored after a swap). */
function openDetails(main: HTMLElement): Set<string> {
  const keys = new Set<string>();
  for (const details of queryDeep<HTMLDetailsElement>(main, 'details[open]')) keys.add(detailsKey(details));
  return keys;
}

function detailsKey(details: HTMLDetailsElement): string {
  const root = details.getRootNode();
  const host = root instanceof ShadowRoot ? root.host.id : '';
  const owner = details.closest('[data-id]')?.getAttribute('data-id') ?? '';
  return `${host}|${owner}|${details.querySelector('summary')?.textContent?.trim() ?? ''}`;
}

/** The status banner's words, to announce when they change. */
function statusWords(): string {
  return document.getElementById('status-summary')?.shadowRoot?.querySelector('[part="description"]')?.textContent?.trim() ?? '';
}

/** Follows live changes (see the module comment). */
export function startLive(): void {
  const main = document.getElementById('content');
  if (!main || typeof EventSource === 'undefined') return;
  const api = (document.querySelector<HTMLMetaElement>('meta[name="hansei-api"]')?.content ?? '').replace(/\/+$/, '');
  let source: EventSource | null = null;
  let open = false;
  let lostTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  /** The stream was closed while the page was away: changes may have been missed. */
  let missed = false;
  let hiding: ReturnType<typeof setTimeout> | undefined;

  const setStale = (stale: boolean): void => {
    document.getElementById('status-summary')?.toggleAttribute('stale', stale);
    main.toggleAttribute('data-stale', stale);
  };

  /** Fetches the page again from the API and swaps its content in; false when it could not. */
  async function fetchPage(): Promise<boolean> {
    try {
      const response = await fetch(`${api}${location.pathname}`, { headers: { accept: 'text/html' }, cache: 'no-cache' });
      if (!response.ok && response.status !== 404) return false;
      const next = new DOMParser().parseFromString(await response.text(), 'text/html');
      const content = next.getElementById('content');
      if (!content || content.dataset['view'] === 'unavailable') return false;
      const opened = openDetails(main!);
      const before = statusWords();
      setContent(main!, content.innerHTML);
      for (const name of ['view', 'generatedAt']) main!.dataset[name] = content.dataset[name] ?? '';
      for (const details of queryDeep<HTMLDetailsElement>(main!, 'details')) if (opened.has(detailsKey(details))) details.open = true;
      if (next.title) document.title = next.title;
      const icon = next.querySelector<HTMLLinkElement>('link[rel="icon"]')?.getAttribute('href');
      if (icon) document.querySelector('link[rel="icon"]')?.setAttribute('href', icon);
      setStale(!open);
      localiseTimes(main!);
      const after = statusWords();
      const announcer = document.getElementById('announcer');
      if (announcer && after && after !== before) announcer.textContent = after;
      return true;
    } catch {
      return false;
    }
  }

  /** Fetches now, or once more after the fetch under way (which may have missed the change). */
  function refresh(): void {
    again = true;
    running ??= (async () => {
      while (again) {
        again = false;
        await fetchPage();
      }
      running = null;
    })();
  }

  function schedule(ms: number): void {
    clearTimeout(settleTimer);
    settleTimer = setTimeout(refresh, ms);
  }

  function connect(): void {
    source?.close();
    const stream = new EventSource(`${api}/v1/stream`);
    source = stream;
    stream.onopen = () => {
      const wasLost = (!open && main!.hasAttribute('data-stale')) || missed;
      missed = false;
      open = true;
      clearTimeout(lostTimer);
      lostTimer = undefined;
      const age = Date.now() - Date.parse(main!.dataset['generatedAt'] ?? '');
      if (wasLost || !(age < FRESH_MS)) schedule(0);
      else setStale(false);
    };
    stream.onerror = () => {
      open = false;
      if (stream.readyState === EventSource.CLOSED) {
        // It will not try again by itself (no stream there: a static host): say so, try later.
        setStale(true);
        clearTimeout(retryTimer);
        retryTimer = setTimeout(connect, RETRY_MS);
      } else {
        lostTimer ??= setTimeout(() => {
          lostTimer = undefined;
          if (!open) setStale(true);
        }, GRACE_MS);
      }
    };
    for (const type of EVENTS) stream.addEventListener(type, () => schedule(SETTLE_MS));
  }

  /** Closes the stream while the page is away (see the module comment). */
  function away(): void {
    clearTimeout(hiding);
    if (!source) return;
    source.close();
    source = null;
    open = false;
    missed = true;
    clearTimeout(lostTimer);
    clearTimeout(retryTimer);
    lostTimer = undefined;
  }

  function onLifecycle(event: Event): void {
    clearTimeout(hiding);
    if (event.type === 'pagehide' || event.type === 'freeze') away();
    else if (document.visibilityState !== 'hidden') {
      if (!source) connect();
    } else if (source) hiding = setTimeout(away, HIDDEN_MS);
  }

  // Capturing on the window hears the document's freeze, resume and visibilitychange too.
  for (const type of ['pagehide', 'pageshow', 'freeze', 'resume', 'visibilitychange']) addEventListener(type, onLifecycle, { capture: true });
  connect();
  if (document.visibilityState === 'hidden') hiding = setTimeout(away, HIDDEN_MS);
  setInterval(() => {
    if (open && document.visibilityState === 'visible') schedule(0);
  }, PERIOD_MS);
}
