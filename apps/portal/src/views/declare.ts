/**
 * `<portal-declare>`: declare an incident with `hansei-incident-form` (severity beside the
 * guideline, status page preview, draft kept on every keystroke), then on to its page.
 */
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import '@hansei/elements/define/incident-form.js';
import { PortalView } from '../lib/view.js';
import { routeHref } from '../routes.js';

@customElement('portal-declare')
export class PortalDeclare extends PortalView {
  protected override render() {
    return html`<h1>${msg('Declare an incident')}</h1>
      <p class="muted">${msg('When unsure, pick the higher severity: it is easier to lower it later than to catch up.')}</p>
      <hansei-incident-form
        @hansei-incident-declared=${(e: CustomEvent<{ incident: { id: string } }>) => this.navigate(routeHref({ view: 'incident', id: e.detail.incident.id }))}
      ></hansei-incident-form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-declare': PortalDeclare;
  }
}
