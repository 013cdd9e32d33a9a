/**
 * `<portal-admin>`: configuration, for admins: the severity guideline, components and groups,
 * maintenance windows, incident and postmortem templates, tokens. Each section has
 * its own deep link (`/portal/admin/<section>`).
 */
import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { PortalView } from '../lib/view.js';
import { ADMIN_SECTIONS, routeHref, type AdminSection } from '../routes.js';
import './guideline.js';
import './components.js';
import './maintenances.js';
import './incident-templates.js';
import './postmortem-templates.js';
import './tokens.js';

export function sectionTitle(section: AdminSection): string {
  switch (section) {
    case 'guideline':
      return msg('Severity guideline');
    case 'components':
      return msg('Components and groups');
    case 'maintenances':
      return msg('Maintenance windows');
    case 'templates':
      return msg('Templates');
    case 'tokens':
      return msg('Tokens');
  }
}

@customElement('portal-admin')
export class PortalAdmin extends PortalView {
  @property({ attribute: false }) section: AdminSection = 'guideline';

  protected override render() {
    return html`<h1>${msg('Admin')}</h1>
      <nav aria-label=${msg('Admin sections')}>
        <ul class="toolbar plain-row">
          ${ADMIN_SECTIONS.map(
            (s) => html`<li><a href=${routeHref({ view: 'admin', section: s })} aria-current=${s === this.section ? 'page' : 'false'}>${sectionTitle(s)}</a></li>`,
          )}
        </ul>
      </nav>
      <h2>${sectionTitle(this.section)}</h2>
      ${this.#section()}`;
  }

  #section() {
    switch (this.section) {
      case 'guideline':
        return html`<portal-admin-guideline .access=${this.access}></portal-admin-guideline>`;
      case 'components':
        return html`<portal-admin-components .access=${this.access}></portal-admin-components>`;
      case 'maintenances':
        return html`<portal-admin-maintenances .access=${this.access}></portal-admin-maintenances>`;
      case 'templates':
        return html`<portal-admin-incident-templates .access=${this.access}></portal-admin-incident-templates>
          <portal-admin-postmortem-templates .access=${this.access}></portal-admin-postmortem-templates>`;
      case 'tokens':
        return html`<portal-admin-tokens .access=${this.access}></portal-admin-tokens>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-admin': PortalAdmin;
  }
}
