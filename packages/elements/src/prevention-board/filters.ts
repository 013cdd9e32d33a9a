/** The board's filters and swimlane choice, and the balance of short-term and root-cause work. */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { styleProps } from '../internal/style-props.js';
import { msg, str } from '@lit/localize';
import { ACTION_KINDS, ACTION_HORIZON, LANE_KINDS, isFiltering, type ActionFilter, type ActionKind, type ActionMix, type Id, type LaneKind } from '@hansei/core';
import { kindWords, laneKindWords } from './words.js';

/** A choice of a filter's list: its value and words. */
export interface Choice {
  readonly value: Id;
  readonly label: string;
}

/** What the filter bar shows and tells. */
export interface FilterBar {
  readonly filter: ActionFilter;
  readonly lanes: LaneKind | 'none';
  /** Incidents to choose from (none: the board shows one incident only, so no choice). */
  readonly incidents: readonly Choice[];
  readonly owners: readonly Choice[];
  readonly shown: number;
  readonly total: number;
  readonly onFilter: (filter: ActionFilter) => void;
  readonly onLanes: (lanes: LaneKind | 'none') => void;
}

const SHORT_TERM = ACTION_KINDS.filter((k) => ACTION_HORIZON[k] === 'short_term');
const ROOT_CAUSE = ACTION_KINDS.filter((k) => ACTION_HORIZON[k] === 'root_cause');

/** The kind filter as one value of its list: '', `short`, `root`, or one kind. */
function kindValue(kinds: readonly ActionKind[] | undefined): string {
  if (!kinds || kinds.length === 0) return '';
  const same = (list: readonly ActionKind[]) => list.length === kinds.length && list.every((k) => kinds.includes(k));
  if (same(SHORT_TERM)) return 'short';
  if (same(ROOT_CAUSE)) return 'root';
  return kinds.length === 1 ? kinds[0]! : '';
}

/** The owner filter as a value of its list: '' everyone, `none`, or `p:<id>`. */
function ownerValue(ownerId: Id | null | undefined): string {
  if (ownerId == null) return '';
  return ownerId === '' ? 'none' : `p:${ownerId}`;
}

function ownerOf(value: string): Id | null {
  if (value === '') return null;
  return value === 'none' ? '' : value.slice(2);
}

function kindsOf(value: string): readonly ActionKind[] {
  if (value === 'short') return SHORT_TERM;
  if (value === 'root') return ROOT_CAUSE;
  return (ACTION_KINDS as readonly string[]).includes(value) ? [value as ActionKind] : [];
}

export function renderFilters(bar: FilterBar): TemplateResult {
  const { filter } = bar;
  const set = (change: Partial<ActionFilter>): void => bar.onFilter({ ...filter, ...change });
  const value = (e: Event): string => (e.target as HTMLInputElement | HTMLSelectElement).value;
  return html`<div class="filters" part="filters" role="group" aria-label=${msg('Filters', { id: 'prevention-board.filters', desc: 'Prevention board: label of the filter controls' })}>
      <label class="field search"
        ><span>${msg('Find', { id: 'prevention-board.find', desc: 'Prevention board: label of the text filter' })}</span
        ><input type="search" .value=${live(filter.text ?? '')} @input=${(e: Event) => set({ text: value(e) })}
      /></label>
      ${bar.incidents.length > 0
        ? html`<label class="field"
            ><span>${msg('Incident', { id: 'prevention-board.filter.incident', desc: 'Prevention board: label of the incident filter' })}</span
            ><select .value=${live(filter.incidentId == null ? '' : `i:${filter.incidentId}`)} @change=${(e: Event) => set({ incidentId: value(e) === '' ? null : value(e).slice(2) })}>
              <option value="">${msg('All incidents', { desc: 'Prevention board: the incident filter lets every action through' })}</option>
              ${bar.incidents.map((c) => html`<option value="i:${c.value}" ?selected=${filter.incidentId === c.value}>${c.label}</option>`)}
            </select></label
          >`
        : nothing}
      <label class="field"
        ><span>${msg('Owner', { id: 'prevention-board.filter.owner', desc: 'Prevention board: label of the owner filter' })}</span
        ><select .value=${live(ownerValue(filter.ownerId))} @change=${(e: Event) => set({ ownerId: ownerOf(value(e)) })}>
          <option value="">${msg('Everyone', { desc: 'Prevention board: the owner filter lets every action through' })}</option>
          <option value="none" ?selected=${filter.ownerId === ''}>${msg('No owner', { desc: 'Prevention board: an action nobody owns' })}</option>
          ${bar.owners.map((c) => html`<option value="p:${c.value}" ?selected=${filter.ownerId === c.value}>${c.label}</option>`)}
        </select></label
      >
      <label class="field"
        ><span>${msg('Kind', { id: 'prevention-board.filter.kind', desc: 'Prevention board: label of the kind filter' })}</span
        ><select .value=${live(kindValue(filter.kinds))} @change=${(e: Event) => set({ kinds: kindsOf(value(e)) })}>
          <option value="">${msg('All kinds', { desc: 'Prevention board: the kind filter lets every action through' })}</option>
          <option value="short">${msg('Short-term work', { desc: 'Prevention board: filter to mitigate and detect actions' })}</option>
          <option value="root">${msg('Root-cause work', { desc: 'Prevention board: filter to prevent, process and remove actions' })}</option>
          ${ACTION_KINDS.map((k) => html`<option value=${k}>${kindWords(k)}</option>`)}
        </select></label
      >
      <label class="check"
        ><input type="checkbox" .checked=${live(filter.overdue === true)} @change=${(e: Event) => set({ overdue: (e.target as HTMLInputElement).checked })} /><span
          >${msg('Overdue only', { desc: 'Prevention board: filter to open actions past their due date' })}</span
        ></label
      >
      <label class="field"
        ><span>${msg('Swimlanes', { desc: 'Prevention board: label of the swimlane choice' })}</span
        ><select .value=${live(bar.lanes)} @change=${(e: Event) => bar.onLanes(value(e) as LaneKind | 'none')}>
          ${(['none', ...LANE_KINDS] as const).map((k) => html`<option value=${k}>${laneKindWords(k)}</option>`)}
        </select></label
      >
      ${isFiltering(filter)
        ? html`<button type="button" class="clear" @click=${() => bar.onFilter({})}>${msg('Clear filters', { desc: 'Prevention board: remove every filter' })}</button>`
        : nothing}
    </div>
    <p class="count" part="count">
      ${isFiltering(filter)
        ? msg(str`Showing ${bar.shown} of ${bar.total} actions`, { desc: 'Prevention board: how many actions the filters let through' })
        : msg(str`${bar.total} actions`, { desc: 'Prevention board: how many actions there are' })}
    </p>`;
}

/** The balance of short-term and root-cause work among the actions shown (won't do left out). */
export function renderBalance(mix: ActionMix, percent: (share: number) => string, oneIncident: boolean): TemplateResult {
  const short = mix.byHorizon.short_term;
  const root = mix.byHorizon.root_cause;
  // Truncated, never rounded up: 66.7 % is "66%".
  const share = mix.rootCauseShare === null ? null : percent(Math.floor(mix.rootCauseShare * 100) / 100);
  const warn = mix.needsRootCause && (mix.total > 0 || oneIncident);
  return html`<section class="balance ${warn ? 'warn' : ''}" part="balance" aria-labelledby="balance-title">
    <h3 id="balance-title">${msg('Short-term and root-cause work', { desc: 'Prevention board: heading of the balance of action kinds' })}</h3>
    <p class="balance-figures">
      <span class="short">${msg(str`Short-term: ${short}`, { desc: 'Prevention board: count of mitigate and detect actions' })}</span>
      <span class="root">${msg(str`Root cause: ${root}`, { desc: 'Prevention board: count of prevent, process and remove actions' })}</span>
      ${share === null ? nothing : html`<span class="share">${msg(str`${share} root cause`, { desc: 'Prevention board: the share of root-cause actions' })}</span>`}
    </p>
    ${mix.total > 0
      ? html`<div class="balance-bar" aria-hidden="true">
          <span class="bar-short" style=${styleProps({ 'flex-grow': String(short) })}></span><span class="bar-root" style=${styleProps({ 'flex-grow': String(root) })}></span>
        </div>`
      : nothing}
    ${warn
      ? html`<p class="balance-warning" part="balance-warning">
          ${mix.total === 0
            ? msg('No prevention action yet: add one that addresses the root cause.', { desc: 'Prevention board: no actions at all for what is shown' })
            : msg('Only short-term fixes here: add an action that addresses the root cause, or the incident may recur.', {
                desc: 'Prevention board: the actions shown have no root-cause action',
              })}
        </p>`
      : nothing}
  </section>`;
}
