/**
 * `<portal-declare>`: declare an incident with `hansei-incident-form` (severity beside the
 * guideline, status page preview, draft kept on every keystroke), started from one of the
 * organisation's incident templates when it has some; then on to the incident's page.
 */
import { html, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import type { IncidentTemplate } from '@hansei/elements/incident-form/incident-form.js';
import '@hansei/elements/define/incident-form.js';
import { PortalView } from '../lib/view.js';
import { routeHref } from '../routes.js';
import { loadIncidentTemplates } from '../lib/templates.js';

@customElement('portal-declare')
export class PortalDeclare extends PortalView {
  @state() private templates: readonly IncidentTemplate[] = [];

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('providedAdapter') || changed.has('adapter')) && this.source) {
      void loadIncidentTemplates(this.api).then((templates) => (this.templates = templates));
    }
  }

  protected override render() {
    return html`<h1>${msg('Declare an incident')}</h1>
      <p class="muted">${msg('When unsure, pick the higher severity: it is easier to lower it later than to catch up.')}</p>
      <hansei-incident-form
        .templates=${this.templates}
        @hansei-incident-declared=${(e: CustomEvent<{ incident: { id: string } }>) => this.navigate(routeHref({ view: 'incident', id: e.detail.incident.id }))}
      ></hansei-incident-form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-declare': PortalDeclare;
  }
}
