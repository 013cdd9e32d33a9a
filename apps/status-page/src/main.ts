// The status page in the browser: language from the URL, the status badge, the language switch.
import '@hansei/elements/define/status-badge.js';
import { setLocale } from '@hansei/elements';
import { alternateHref, parseStatusRoute } from './routes.js';

const route = parseStatusRoute(location.pathname, location.search);
document.documentElement.lang = route.locale;
void setLocale(route.locale);

const other = route.locale === 'en' ? 'ja' : 'en';
const link = document.querySelector<HTMLAnchorElement>('#language-switch');
if (link) {
  link.href = alternateHref(route, other);
  link.hreflang = other;
  link.lang = other;
  link.textContent = other === 'ja' ? '日本語' : 'English';
}
