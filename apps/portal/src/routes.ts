/**
 * The portal's deep links. Every view has a URL under the portal's base path, so any screen can
 * be shared, bookmarked and reloaded. `parseRoute` and `routeHref` are inverses.
 */

export type Route =
  | { readonly view: 'incidents'; readonly query: Readonly<Record<string, string>> }
  | { readonly view: 'incident'; readonly id: string }
  | { readonly view: 'declare' }
  | { readonly view: 'postmortems'; readonly query: Readonly<Record<string, string>> }
  | { readonly view: 'postmortem'; readonly id: string }
  /** Start the postmortem of an incident (`/postmortems/new?incident=<id>`). */
  | { readonly view: 'postmortem-new'; readonly incidentId: string }
  | { readonly view: 'prevention'; readonly query: Readonly<Record<string, string>> }
  | { readonly view: 'slos' }
  | { readonly view: 'slo'; readonly id: string }
  | { readonly view: 'trends' }
  | { readonly view: 'review'; readonly week: string | null }
  | { readonly view: 'admin'; readonly section: AdminSection }
  | { readonly view: 'sign-in' }
  | { readonly view: 'not-found'; readonly path: string };

export const ADMIN_SECTIONS = ['guideline', 'components', 'maintenances', 'templates', 'tokens'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

/** The portal's base path when served by `hansei serve`. */
export const BASE = '/portal/';

const ISO_WEEK = /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/;

function queryOf(search: URLSearchParams): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of search) if (value !== '') query[key] = value;
  return query;
}

/**
 * The route for a URL path and query (`/portal/incidents/abc`, `?status=open`). Unknown paths
 * give a `not-found` route carrying the path, never an exception.
 */
export function parseRoute(pathname: string, search = '', base = BASE): Route {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname === base.slice(0, -1) ? '' : null;
  if (rest === null) return { view: 'not-found', path: pathname };
  let parts: string[];
  try {
    parts = rest.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { view: 'not-found', path: pathname };
  }
  const query = queryOf(new URLSearchParams(search));
  const [first = 'incidents', second, third] = parts;
  if (third !== undefined) return { view: 'not-found', path: pathname };
  switch (first) {
    case 'incidents':
      if (second === undefined) return { view: 'incidents', query };
      return second === 'new' ? { view: 'declare' } : { view: 'incident', id: second };
    case 'postmortems':
      if (second === undefined) return { view: 'postmortems', query };
      if (second !== 'new') return { view: 'postmortem', id: second };
      return query['incident'] ? { view: 'postmortem-new', incidentId: query['incident'] } : { view: 'not-found', path: pathname };
    case 'prevention':
      return second === undefined ? { view: 'prevention', query } : { view: 'not-found', path: pathname };
    case 'slos':
      return second === undefined ? { view: 'slos' } : { view: 'slo', id: second };
    case 'trends':
      return second === undefined ? { view: 'trends' } : { view: 'not-found', path: pathname };
    case 'review':
      if (second === undefined) return { view: 'review', week: null };
      return ISO_WEEK.test(second) ? { view: 'review', week: second } : { view: 'not-found', path: pathname };
    case 'admin': {
      const section = (second ?? 'guideline') as AdminSection;
      return ADMIN_SECTIONS.includes(section) ? { view: 'admin', section } : { view: 'not-found', path: pathname };
    }
    case 'sign-in':
      return second === undefined ? { view: 'sign-in' } : { view: 'not-found', path: pathname };
    default:
      return { view: 'not-found', path: pathname };
  }
}

function withQuery(path: string, query: Readonly<Record<string, string>>): string {
  const search = new URLSearchParams(Object.entries(query).sort(([a], [b]) => a.localeCompare(b))).toString();
  return search ? `${path}?${search}` : path;
}

/** The URL of a route (path and query), under `base`. */
export function routeHref(route: Route, base = BASE): string {
  const id = (value: string) => encodeURIComponent(value);
  switch (route.view) {
    case 'incidents':
      return withQuery(`${base}incidents`, route.query);
    case 'incident':
      return `${base}incidents/${id(route.id)}`;
    case 'declare':
      return `${base}incidents/new`;
    case 'postmortems':
      return withQuery(`${base}postmortems`, route.query);
    case 'postmortem':
      return `${base}postmortems/${id(route.id)}`;
    case 'postmortem-new':
      return withQuery(`${base}postmortems/new`, { incident: route.incidentId });
    case 'prevention':
      return withQuery(`${base}prevention`, route.query);
    case 'slos':
      return `${base}slos`;
    case 'slo':
      return `${base}slos/${id(route.id)}`;
    case 'trends':
      return `${base}trends`;
    case 'review':
      return route.week ? `${base}review/${route.week}` : `${base}review`;
    case 'admin':
      return `${base}admin/${route.section}`;
    case 'sign-in':
      return `${base}sign-in`;
    case 'not-found':
      return route.path;
  }
}
