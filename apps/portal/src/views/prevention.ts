/**
 * `<portal-prevention>`: the prevention board across all incidents (`hansei-prevention-board`:
 * drag, keyboard or menu moves, filters, swimlanes, overdue and missed preventions). The URL can
 * carry the incident, owner, kinds, overdue, text and swimlanes, so a filtered board is a link.
 */
import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { ACTION_KINDS, type ActionKind } from '@hansei/core';
import type { ActionFilter, LaneKind } from '@hansei/core';
import '@hansei/elements/define/prevention-board.js';
import { PortalView } from '../lib/view.js';

const LANES = ['incident', 'owner', 'kind', 'overdue'] as const;

/** The board's filter and swimlanes for the URL's query. */
export function boardState(query: Readonly<Record<string, string>>): { filter: ActionFilter; lanes: LaneKind | 'none' } {
  const kinds = (query['kind'] ?? '').split(',').filter((k): k is ActionKind => (ACTION_KINDS as readonly string[]).includes(k));
  const filter: ActionFilter = {
    ...(query['incident'] ? { incidentId: query['incident'] } : {}),
    ...(query['owner'] !== undefined ? { ownerId: query['owner'] } : {}),
    ...(kinds.length ? { kinds } : {}),
    ...(query['overdue'] === 'true' ? { overdue: true } : {}),
    ...(query['q'] ? { text: query['q'] } : {}),
  };
  const lanes = (LANES as readonly string[]).includes(query['lanes'] ?? '') ? (query['lanes'] as LaneKind) : 'none';
  return { filter, lanes };
}

@customElement('portal-prevention')
export class PortalPrevention extends PortalView {
  @property({ attribute: false }) query: Readonly<Record<string, string>> = {};

  protected override render() {
    const { filter, lanes } = boardState(this.query);
    return html`<h1>${msg('Prevention')}</h1>
      <p class="muted">${msg('Every prevention action, linked to the incidents it came from. Balance short-term fixes with root-cause work, and remove what no longer helps.')}</p>
      <hansei-prevention-board .filter=${filter} lanes=${lanes}></hansei-prevention-board>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-prevention': PortalPrevention;
  }
}
