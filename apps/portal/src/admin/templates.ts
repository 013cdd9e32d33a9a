/**
 * `<portal-admin-templates>`: the incident templates responders start from when they declare
 * (title, severity, impact, components, labels prefilled).
 */
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { PortalView } from '../lib/view.js';
import { loadIncidentTemplates } from '../lib/templates.js';
import type { IncidentTemplate } from '@hansei/elements/incident-form/incident-form.js';

@customElement('portal-admin-templates')
export class PortalAdminTemplates extends PortalView {
  @state() private templates: readonly IncidentTemplate[] = [];

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('providedAdapter') || changed.has('adapter')) && this.source) void loadIncidentTemplates(this.api).then((t) => (this.templates = t));
  }

  protected override render() {
    return html`<h3>${msg('Incident templates')}</h3>
      ${this.templates.length === 0 ? html`<p class="muted">${msg('No incident templates yet.')}</p>` : nothing}
      <ul class="plain">${this.templates.map((t) => html`<li class="card">${t.name}</li>`)}</ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-admin-templates': PortalAdminTemplates;
  }
}
