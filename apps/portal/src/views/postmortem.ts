/**
 * `<portal-postmortem>`: one postmortem in `hansei-postmortem` (guided, blameless; drafts kept on
 * every keystroke; conflicts merged or shown side by side; actions created in it land on the
 * prevention board), or, with an incident and no postmortem yet, the start of one (its template
 * and owner chosen first).
 */
import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import '@hansei/elements/define/postmortem.js';
import { PortalView } from '../lib/view.js';
import { routeHref } from '../routes.js';

@customElement('portal-postmortem')
export class PortalPostmortem extends PortalView {
  /** The postmortem to show; empty to start one for `incidentId`. */
  @property({ attribute: false }) postmortemId = '';
  /** The incident whose postmortem to start (when `postmortemId` is empty). */
  @property({ attribute: false }) incidentId = '';

  protected override render() {
    const started = (e: CustomEvent<{ postmortem: { id: string } }>) => this.navigate(routeHref({ view: 'postmortem', id: e.detail.postmortem.id }), true);
    return html`<p class="crumbs">
        <a href=${routeHref({ view: 'postmortems', query: {} })}>${msg('Postmortems')}</a>
        ${this.incidentId ? html` · <a href=${routeHref({ view: 'incident', id: this.incidentId })}>${msg('Back to the incident')}</a>` : nothing}
      </p>
      <h1 class="vh">${this.postmortemId ? msg('Postmortem') : msg('Start the postmortem')}</h1>
      <hansei-postmortem
        postmortem-id=${this.postmortemId}
        incident-id=${this.incidentId}
        @hansei-postmortem-started=${started}
      ></hansei-postmortem>
      ${this.postmortemId
        ? html`<h2>${msg('Its prevention actions on the board')}</h2>
            <p><a href=${routeHref({ view: 'prevention', query: {} })}>${msg('Open the whole prevention board')}</a></p>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-postmortem': PortalPostmortem;
  }
}
