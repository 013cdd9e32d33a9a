// The portal in the browser: the navigation and the current view's heading, from the URL.
// Views are filled in by the elements as they arrive (see docs/architecture.md).
import { parseRoute, routeHref, type Route } from './routes.js';

const NAV: readonly [string, Route][] = [
  ['Incidents', { view: 'incidents', query: {} }],
  ['Postmortems', { view: 'postmortems', query: {} }],
  ['Prevention', { view: 'prevention', query: {} }],
  ['SLOs', { view: 'slos' }],
  ['Trends', { view: 'trends' }],
  ['Weekly review', { view: 'review', week: null }],
  ['Admin', { view: 'admin', section: 'guideline' }],
];

function render(): void {
  const route = parseRoute(location.pathname, location.search);
  const list = document.createElement('ul');
  for (const [label, target] of NAV) {
    const link = document.createElement('a');
    link.href = routeHref(target);
    link.textContent = label;
    if (target.view === route.view || (route.view === 'incident' && target.view === 'incidents')) link.setAttribute('aria-current', 'page');
    const item = document.createElement('li');
    item.append(link);
    list.append(item);
  }
  document.querySelector('#nav')?.replaceChildren(list);
  const heading = document.createElement('h1');
  const current = NAV.find(([, target]) => target.view === route.view);
  heading.textContent = route.view === 'not-found' ? 'Page not found' : (current?.[0] ?? 'Hansei');
  document.querySelector('#view')?.replaceChildren(heading);
  document.title = `${heading.textContent} · Hansei`;
}

document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest('a');
  if (!link || link.origin !== location.origin || event.defaultPrevented || event.metaKey || event.ctrlKey || event.shiftKey) return;
  event.preventDefault();
  history.pushState(null, '', link.href);
  render();
  document.querySelector<HTMLElement>('#view')?.focus();
});
addEventListener('popstate', render);
render();
