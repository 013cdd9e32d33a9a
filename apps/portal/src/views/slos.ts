/** `<portal-slos>`: every SLO as a gauge, least error budget left first, each opening its detail view. */
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import '@hansei/elements/define/slo-gauge.js';
import { percent } from '../lib/format.js';
import { slosByBudget, type SloRow } from '../lib/slos.js';
import { PortalView, problemText } from '../lib/view.js';
import { alertWord } from '../lib/words.js';
import { routeHref } from '../routes.js';

@customElement('portal-slos')
export class PortalSlos extends PortalView {
  @state() private rows: readonly SloRow[] | null = null;
  @state() private problem = '';

  protected override async load(): Promise<void> {
    this.problem = '';
    try {
      this.rows = await slosByBudget(this.api);
    } catch (error) {
      this.problem = problemText(error);
    }
  }

  protected override render() {
    if (!this.source) return this.renderMissingAdapter();
    const { locale } = this.settings;
    return html`<h1>${msg('SLOs')}</h1>
      <p class="muted">${msg('Least error budget left first. Open one for its burn rates and the incidents that spent its budget.')}</p>
      ${this.problem ? html`<p class="error" role="alert">${this.problem} <button @click=${() => this.load()}>${msg('Try again')}</button></p>` : nothing}
      ${this.rows === null && !this.problem ? html`<p class="muted" role="status">${msg('Loading SLOs…')}</p>` : nothing}
      ${this.rows?.length === 0 ? html`<p class="state">${msg('No SLOs yet. An admin can define them through the API.')}</p>` : nothing}
      <ol class="cards">
        ${(this.rows ?? []).map(
          ({ slo, report }) => html`<li class="card">
            <h2 class="slo-name"><a href=${routeHref({ view: 'slo', id: slo.id })}>${slo.name}</a></h2>
            <p class="muted">${slo.service} · ${msg('objective')} ${percent(slo.objective.target, locale, 3)}
              ${report ? html` · <span class="badge">${alertWord(report.alert)}</span>` : nothing}</p>
            ${report
              ? html`<hansei-slo-gauge size="compact" .slo=${slo} .report=${report}></hansei-slo-gauge>`
              : html`<p class="error">${msg('Its report could not be read.')}</p>`}
          </li>`,
        )}
      </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-slos': PortalSlos;
  }
}
