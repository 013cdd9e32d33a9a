/** One card of the prevention board: the action, its incidents, owner, due date, link and flags. */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import type { Id, IsoDate } from '@hansei/core';
import type { CardView } from './view.js';
import { horizonWords, kindWords } from './words.js';

/** How severe an incident is, for its colour: the guideline's first level is `critical`. */
export type SeverityTone = 'critical' | 'major' | 'minor' | 'unknown';

/** An incident as a card shows it. */
export interface IncidentLabel {
  /** Severity code (`SEV2`), null when the incident is unknown. */
  readonly code: string | null;
  readonly tone: SeverityTone;
  readonly title: string;
}

/** What cards need from the board. */
export interface CardHelpers {
  readonly canEdit: boolean;
  readonly canDrag: boolean;
  personName(id: Id): string;
  incident(id: Id): IncidentLabel;
  /** A due date in words (`Nov 20, 2026`). */
  date(date: IsoDate): string;
  /** A number of days in words (`5 days`). */
  days(count: number): string;
  /** The card's menu button (and menu, when open). */
  menu(card: CardView, lane: number): TemplateResult | typeof nothing;
}

/** How the card takes part in a move under way. */
export interface CardMoveState {
  /** It is the card being moved. */
  readonly moving: boolean;
  /** The drop indicator is right before it. */
  readonly dropBefore: boolean;
}


/** The link to the tracker, only for http and https (anything else shows as plain text). */
export function trackerLink(url: string): { readonly href: string | null; readonly text: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { href: null, text: url };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { href: null, text: url };
  // Jira and Linear end their issue URLs with the issue key (KIN-160); otherwise name the host.
  const last = decodeURIComponent(parsed.pathname.split('/').filter(Boolean).at(-1) ?? '');
  const key = /^[A-Z][A-Z0-9_]*-\d+$/.test(last) ? last : null;
  return { href: parsed.href, text: key ?? parsed.host };
}

/** The id of a card's title, unique across swimlanes. */
export function cardTitleId(lane: number, id: Id): string {
  return `t-${lane}-${id}`;
}

export function renderCard(card: CardView, lane: number, move: CardMoveState, helpers: CardHelpers): TemplateResult {
  const { action } = card;
  const overdue = card.overdueDays !== null;
  const missed = card.missed !== null;
  const verified = action.status === 'done' && action.effectiveness === 'effective' && !missed;
  const parts = ['card', overdue ? 'card-overdue' : '', missed ? 'card-missed' : '', card.saving ? 'card-saving' : '', move.moving ? 'card-moving' : ''].filter(Boolean).join(' ');
  // While a write of the card is under way its buttons stay (focus stays on them) but do nothing.
  const editable = helpers.canEdit;
  const link = action.externalUrl ? trackerLink(action.externalUrl) : null;
  const titleId = cardTitleId(lane, action.id);
  const owner = action.ownerId === null ? null : helpers.personName(action.ownerId);
  return html`<li
    class="card kind-${action.kind} ${overdue ? 'overdue' : ''} ${missed ? 'missed' : ''} ${card.saving ? 'saving' : ''} ${move.moving ? 'moving' : ''} ${move.dropBefore ? 'drop-before' : ''}"
    part=${parts}
    data-id=${action.id}
    data-lane=${lane}
    draggable=${ifDefined(editable && helpers.canDrag && !card.saving ? 'true' : undefined)}
  >
    <div class="card-head">
      <span class="kind" part="kind">${kindWords(action.kind)} <span class="horizon">· ${horizonWords(action.kind)}</span></span>
      ${verified ? html`<span class="badge verified" part="verified">${msg('Verified effective', { desc: 'Prevention board: a done action someone confirmed worked' })}</span>` : nothing}
      ${card.saving ? html`<span class="badge">${msg('Saving…', { id: 'prevention-board.saving', desc: 'Prevention board: a change not yet confirmed' })}</span>` : nothing}
    </div>
    <p class="title" id=${titleId}>${action.title}</p>
    ${action.incidentIds.length > 0
      ? html`<ul class="incidents" aria-label=${msg('Incidents', { id: 'prevention-board.incidents', desc: 'Prevention board: label of the incidents a card is linked to' })}>
          ${action.incidentIds.map((id) => {
            const incident = helpers.incident(id);
            return html`<li class="incident">
              ${incident.code ? html`<span class="severity tone-${incident.tone}">${incident.code}</span> ` : nothing}<span class="incident-title">${incident.title}</span>
            </li>`;
          })}
        </ul>`
      : nothing}
    <p class="meta">
      <span class="owner ${owner === null ? 'nobody' : ''}">${owner ?? msg('No owner', { desc: 'Prevention board: an action nobody owns' })}</span>
      ${action.dueDate
        ? html`<span class="due ${overdue ? 'is-overdue' : ''}" part=${ifDefined(overdue ? 'overdue' : undefined)}
            >${msg(str`Due ${helpers.date(action.dueDate)}`, { desc: 'Prevention board: the due date of an action' })}${overdue
              ? html`<strong class="late">${msg(str`${helpers.days(card.overdueDays ?? 0)} overdue`, { desc: 'Prevention board: how long past its due date an open action is' })}</strong>`
              : nothing}</span
          >`
        : nothing}
      ${link
        ? link.href
          ? html`<a class="tracker" href=${link.href} target="_blank" rel="noopener noreferrer" part="link"
              >${link.text}<span class="visually-hidden"> ${msg('(opens in a new tab)', { desc: 'Prevention board: after the tracker link' })}</span></a
            >`
          : html`<span class="tracker">${link.text}</span>`
        : nothing}
    </p>
    ${missed
      ? html`<p class="flag" part="missed">
          <strong>${msg('Prevention missed:', { desc: 'Prevention board: flag of a done action whose incident recurred afterwards' })}</strong>
          ${card.missed && card.missed.length > 0
            ? msg(str`the incident recurred after it was done (${card.missed.map((id) => helpers.incident(id).title).join(', ')}).`, {
                desc: 'Prevention board: why a done action missed; the recurring incidents in brackets',
              })
            : msg('the incident recurred after it was done.', { desc: 'Prevention board: why a done action missed, without the recurrences known' })}
        </p>`
      : nothing}
    ${editable
      ? html`<div class="card-actions">
          <button
            type="button"
            class="move"
            data-act="pick-up"
            aria-pressed=${move.moving ? 'true' : 'false'}
            aria-disabled=${card.saving ? 'true' : 'false'}
            aria-label=${msg(str`Move ${action.title}`, { desc: 'Prevention board: accessible name of the button that picks a card up' })}
            aria-describedby="instructions"
          >
            <span class="grip" aria-hidden="true"></span>${msg('Move', { desc: 'Prevention board: the button that picks a card up to move it' })}
          </button>
          ${helpers.menu(card, lane)}
          ${action.status === 'done' && action.effectiveness === 'unverified' && !missed && !card.saving
            ? html`<button
                type="button"
                class="verify"
                data-act="verify"
                aria-label=${msg(str`Mark verified effective: ${action.title}`, { desc: 'Prevention board: accessible name of the verify button' })}
              >
                ${msg('Mark verified', { desc: 'Prevention board: record that a done action worked' })}
              </button>`
            : nothing}
        </div>`
      : nothing}
  </li>`;
}
