/** `<portal-slo>`: one SLO in full: attainment, budget over the window, burn rates, and the incidents that spent it. */
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import type { Slo, Stored } from '@hansei/core';
import '@hansei/elements/define/slo-gauge.js';
import { percent } from '../lib/format.js';
import { PortalView, problemText } from '../lib/view.js';
import { BASE, routeHref } from '../routes.js';

@customElement('portal-slo')
export class PortalSlo extends PortalView {
  @property({ attribute: false }) sloId = '';
  @state() private slo: Stored<Slo> | null = null;
  @state() private problem = '';

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('sloId') || changed.has('providedAdapter') || changed.has('adapter')) && this.source && this.sloId) void this.#load();
  }

  async #load(): Promise<void> {
    this.problem = '';
    try {
      this.slo = await this.api.getSlo(this.sloId);
    } catch (error) {
      this.problem = problemText(error);
    }
  }

  protected override render() {
    if (!this.source) return this.renderMissingAdapter();
    const slo = this.slo;
    const { locale } = this.settings;
    const window = slo ? (slo.timeWindow.isRolling ? msg('rolling') : msg('calendar')) : '';
    return html`<p class="crumbs"><a href=${routeHref({ view: 'slos' })}>${msg('SLOs')}</a></p>
      <h1>${slo?.name ?? msg('SLO')}</h1>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${slo
        ? html`<dl class="card">
            <dt>${msg('Service')}</dt><dd>${slo.service}</dd>
            <dt>${msg('Objective')}</dt><dd>${percent(slo.objective.target, locale, 3)} · ${slo.budgetingMethod}</dd>
            <dt>${msg('Window')}</dt><dd>${slo.timeWindow.duration} (${window})</dd>
            <dt>${msg('Indicator')}</dt><dd><code>${slo.indicator.good}</code> / <code>${slo.indicator.total}</code></dd>
            ${slo.description ? html`<dt>${msg('Description')}</dt><dd>${slo.description}</dd>` : nothing}
          </dl>`
        : nothing}
      <hansei-slo-gauge slo-id=${this.sloId} href-template=${`${BASE}incidents/{id}`}></hansei-slo-gauge>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-slo': PortalSlo;
  }
}
