/**
 * `<portal-postmortem>`: one postmortem, read: its sections, contributing factors, five whys and
 * actions, with the way back to its incident.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import type { Postmortem, Stored } from '@hansei/core';
import { markdownStyles, renderMarkdown } from '@hansei/elements/internal/markdown.js';
import { PortalView, problemText } from '../lib/view.js';
import { categoryWord, postmortemStatusWord } from '../lib/words.js';
import { routeHref } from '../routes.js';

@customElement('portal-postmortem')
export class PortalPostmortem extends PortalView {
  static override styles = [...PortalView.styles, markdownStyles];

  @property({ attribute: false }) postmortemId = '';
  @state() private postmortem: Stored<Postmortem> | null = null;
  @state() private problem = '';

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('postmortemId') || changed.has('providedAdapter') || changed.has('adapter')) && this.source && this.postmortemId) void this.#load();
  }

  async #load(): Promise<void> {
    this.problem = '';
    try {
      this.postmortem = await this.api.getPostmortem(this.postmortemId);
    } catch (error) {
      this.problem = problemText(error);
    }
  }

  protected override render() {
    if (!this.source) return this.renderMissingAdapter();
    const p = this.postmortem;
    if (!p) return this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : html`<p class="muted" role="status">${msg('Loading the postmortem…')}</p>`;
    return html`<p class="crumbs"><a href=${routeHref({ view: 'incident', id: p.incidentId })}>${msg('Back to the incident')}</a></p>
      <h1>${p.title}</h1>
      <p><span class="badge">${postmortemStatusWord(p.status)}</span></p>
      ${p.sections.map((s) => html`<section><h2>${s.title}</h2><div class="markdown">${renderMarkdown(s.body)}</div></section>`)}
      ${p.contributingFactors.length
        ? html`<h2>${msg('Contributing factors')}</h2>
            <ul>${p.contributingFactors.map((f) => html`<li><span class="badge">${categoryWord(f.category)}</span> ${f.description}</li>`)}</ul>`
        : nothing}
      ${p.fiveWhys.length ? html`<h2>${msg('Five whys')}</h2><ol>${p.fiveWhys.map((w) => html`<li><strong>${w.question}</strong> ${w.answer}</li>`)}</ol>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-postmortem': PortalPostmortem;
  }
}
