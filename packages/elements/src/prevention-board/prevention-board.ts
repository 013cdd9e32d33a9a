import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { can } from '@hansei/adapters';
import { LANE_KINDS, calendarDate, isIsoDate, type ActionFilter, type ActionPlace, type ActionStatus, type Id, type LaneKind } from '@hansei/core';
import { errorText } from '../internal/adapter-errors.js';
import { Announcer } from '../internal/announcer.js';
import { HanseiDataElement } from '../internal/data-element.js';
import { focusFirst } from '../internal/focus.js';
import { getLocale } from '../internal/localization.js';
import { Menus } from '../internal/menus.js';
import type { CardHelpers } from './card.js';
import type { BoardData } from './data.js';
import { BoardSource, type LoadState } from './source.js';
import { renderBalance, renderFilters } from './filters.js';
import { Labels } from './labels.js';
import { renderLane } from './lanes.js';
import { cardMenuItems } from './menu-items.js';
import { BoardMoves, type Carried, type MoveHost } from './moves.js';
import { preventionBoardStyles } from './prevention-board.styles.js';
import { NO_PENDING, boardView, optimistic, shownIds, type BoardView, type Pending } from './view.js';
import { ColumnWindows, type WindowHost } from './windows.js';
import { moveWords, remoteWords } from './words.js';
import { BoardWrites } from './writes.js';

export type { ActionErrorDetail, ActionMovedDetail, ActionUpdatedDetail } from './writes.js';
import type { ActionErrorDetail, ActionMovedDetail, ActionUpdatedDetail } from './writes.js';


const EMPTY: BoardData = { actions: new Map(), incidents: new Map(), people: new Map(), role: undefined };


/**
 * The kanban of prevention actions, each linked to the incidents it came from: columns by status
 * (to do, in progress, in review, done, won't do); cards with kind (short-term or root cause),
 * incidents and their severity, owner, due date (overdue stands out, judged in the viewer's time
 * zone), and the Jira or Linear link.
 *
 * Cards move by drag and drop (@atlaskit/pragmatic-drag-and-drop, with the hitbox's closest edge
 * and auto-scroll), by keyboard (Move picks a card up, the arrow keys choose the place, Enter
 * drops, Escape cancels) or from each card's menu. A move is one `moveAction` with the version
 * the card was shown with, placed between its new neighbours; it shows at once and is undone,
 * with a message, when the adapter refuses it or someone else changed the board first. Every
 * outcome is spoken through a live region.
 *
 * Filters (text, incident, owner, kind, overdue) and swimlanes (by incident, owner, kind or
 * overdue) narrow and group the board; the balance of short-term and root-cause work is shown
 * for what the filters let through. A done action whose incident recurred afterwards is flagged
 * as a prevention that missed; done actions can be marked verified effective. Changes made
 * elsewhere arrive live (`subscribe`). Without write access (a read-only adapter, a viewer's
 * token, or `readonly`) the board only shows. Large boards (2,000 cards) stay smooth: cards off
 * screen skip layout and paint (`content-visibility`), and unchanged cards are not re-rendered.
 *
 * @tag hansei-prevention-board
 * @summary Prevention actions as a kanban linked to their incidents: move by drag, keyboard or menu; filters, swimlanes, overdue and missed preventions.
 *
 * @event hansei-action-moved - A move was saved; `detail` is an `ActionMovedDetail` (the action as saved, from and to, neighbours, and how: drag, keyboard or menu).
 * @event hansei-action-updated - A verdict (verified effective, recurred, or none) was saved; `detail` is an `ActionUpdatedDetail`.
 * @event hansei-action-error - The adapter refused a write and the board undid it; `detail` is an `ActionErrorDetail`.
 * @event hansei-announce - A message for screen readers (see `Announcer`); cancel it to speak it your own way.
 *
 * @csspart base - The board.
 * @csspart title - The board's heading.
 * @csspart filters - The filter controls; `count` - how many actions they let through.
 * @csspart balance - The balance of short-term and root-cause work; `balance-warning` - the call for a root-cause action.
 * @csspart message - The message about a write that failed, or why the board cannot show.
 * @csspart instructions - How to move cards without a mouse.
 * @csspart lane - One swimlane.
 * @csspart columns - The row of columns (of a swimlane), which scrolls sideways when narrow.
 * @csspart column - One column.
 * @csspart card - One card; also `card-overdue`, `card-missed`, `card-saving`, `card-moving`.
 * @csspart kind - A card's kind.
 * @csspart overdue - A card's due date, when overdue.
 * @csspart missed - The flag of a prevention that missed.
 * @csspart verified - The badge of an action verified effective.
 * @csspart link - A card's link to its tracker.
 * @csspart menu - An open menu.
 *
 * @cssprop [--hansei-color-text-muted=light-dark(#59636e, #9198a1)] - Secondary text (owner, dates).
 * @cssprop [--hansei-color-surface-raised=light-dark(#f6f8fa, #151b23)] - Background of the columns.
 * @cssprop [--hansei-color-focus=light-dark(#0969da, #4493f8)] - Focus ring, the drop indicator and the card being moved.
 * @cssprop [--hansei-status-critical=light-dark(#cf222e, #f85149)] - Overdue dates, missed preventions, the most severe incidents.
 * @cssprop [--hansei-status-major=light-dark(#bc4c00, #db6d28)] - Short-term work in the balance, major incidents.
 * @cssprop [--hansei-status-none=light-dark(#1a7f37, #3fb950)] - Root-cause work in the balance, verified actions.
 * @cssprop [--hansei-prevention-column-width=16rem] - The width of a column (at least; they share any room left).
 */
export class HanseiPreventionBoard extends HanseiDataElement implements MoveHost, WindowHost {
  static override styles = [HanseiDataElement.styles, preventionBoardStyles];

  /** Shows only the actions linked to this incident (e.g. beside its postmortem). */
  @property({ attribute: 'incident-id' }) incidentId = '';

  /** Groups the board into swimlanes: `incident`, `owner`, `kind`, `overdue`, or `none`. */
  @property({ reflect: true }) lanes: LaneKind | 'none' = 'none';

  /** What the board shows (see core's `ActionFilter`); the filter controls change it. */
  @property({ attribute: false }) filter: ActionFilter = {};

  /** The date overdue is judged against (`YYYY-MM-DD`); by default today in the viewer's time zone. */
  @property() today = '';

  /** Shows the board without any way to change it. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  @state() private loadState: LoadState = 'idle';
  @state() private loadError: unknown = null;
  @state() private data: BoardData = EMPTY;
  @state() private pending: Pending = NO_PENDING;
  @state() private failure: string | null = null;

  readonly #announcer = new Announcer(this);
  readonly #moves = new BoardMoves(this);
  readonly #menus = new Menus(this, () => this.#moves.cancel());
  readonly #labels = new Labels(() => ({ data: this.data, settings: this.settings }));
  readonly #windows = new ColumnWindows(this);
  readonly #source = new BoardSource(this, {
    adapter: () => this.source,
    incidentId: () => this.incidentId.trim(),
    data: () => this.data,
    setData: (data) => (this.data = data),
    setLoad: (state, error) => {
      this.loadState = state;
      if (error !== undefined) this.loadError = error;
    },
    loadState: () => this.loadState,
    restart: () => {
      this.pending = NO_PENDING;
      this.#moves.cancel();
      this.#menus.close();
      this.failure = null;
    },
    setFailure: (failure) => (this.failure = failure),
    changed: (effect) => {
      const id = effect.after?.id ?? effect.before?.id ?? '';
      if (this.pending.moves.has(id) || this.pending.verdicts.has(id)) return;
      const words = remoteWords(effect.before, effect.after, effect.type === 'action.created');
      if (words) this.#announcer.announce(words);
    },
  });
  readonly #writes = new BoardWrites({
    element: this,
    adapter: () => this.source,
    data: () => this.data,
    setData: (data) => (this.data = data),
    pending: () => this.pending,
    setPending: (pending) => (this.pending = pending),
    setFailure: (failure) => (this.failure = failure),
    canWrite: (id) => this.canMove(id),
    announce: (message, politeness) => this.#announcer.announce(message, politeness),
    refresh: () => void this.#source.refresh(),
    placed: (carried, plan, how) => {
      // Keyboard and menu moves keep the card rendered where it lands, however far down; the
      // keyboard keeps focus on it (a menu returns focus to its own button).
      if (plan && how !== 'drag') this.#windows.upTo(carried.lane, plan.move.status, carried.id);
      if (how === 'keyboard') this.#focusCard(carried);
    },
  });
  #view: { readonly key: readonly unknown[]; readonly view: BoardView } | null = null;
  /** Changes when what every card shows changes (words, names, incidents): cards then re-render. */
  #cardEpoch = 0;
  #epochKey: readonly unknown[] = [];
  /** Where focus goes after the next render: the first of these selectors that matches. */
  #focusAfterUpdate: readonly string[] = [];
  #windowsFor: readonly unknown[] = [];

  // Data ----------------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#source.sync();
    const shape = [this.filter, this.#laneKind, this.source, this.incidentId.trim()];
    if (shape.some((value, i) => value !== this.#windowsFor[i])) {
      this.#windowsFor = shape;
      this.#windows.reset();
    }
    const key = [this.data.people, this.data.incidents, this.settings.guideline, this.settings.locale, this.settings.timeZone, getLocale(), this.#canEdit, this.#moves.canDrag];
    if (key.some((value, i) => value !== this.#epochKey[i])) {
      this.#epochKey = key;
      this.#cardEpoch += 1;
      this.#labels.reset();
    }
  }

  // What the board shows ----------------------------------------------------------------------

  get #canEdit(): boolean {
    const adapter = this.source;
    const role = this.data.role;
    return !!adapter && !this.readonly && can(adapter, 'actions', 'write') && role !== 'viewer' && role !== null;
  }

  get #laneKind(): LaneKind | 'none' {
    return (LANE_KINDS as readonly string[]).includes(this.lanes) ? this.lanes : 'none';
  }

  /** The date overdue is judged against. */
  get #today(): string {
    if (isIsoDate(this.today)) return this.today;
    try {
      return calendarDate(Date.now(), this.settings.timeZone);
    } catch {
      return calendarDate(Date.now(), 'UTC');
    }
  }

  /** The board as it is to be shown (worked out again only when what it depends on changed). */
  get #currentView(): BoardView {
    const key = [this.data.actions, this.data.incidents, this.data.people, this.pending, this.filter, this.#laneKind, this.#today, this.settings.locale];
    if (this.#view && key.every((value, i) => value === this.#view!.key[i])) return this.#view.view;
    const view = boardView({
      actions: optimistic(this.data.actions.values(), this.pending, new Date().toISOString()),
      incidents: this.data.incidents,
      pending: this.pending,
      filter: this.filter,
      lanes: this.#laneKind,
      today: this.#today,
      laneOrder: (by) => this.#labels.laneOrder(by),
      previous: this.#view?.view.cards,
    });
    this.#view = { key, view };
    return view;
  }

  /** MoveHost: the ids a lane shows in a column. */
  shownIds(lane: number, status: ActionStatus): readonly Id[] {
    return shownIds(this.#currentView, lane, status);
  }

  /** MoveHost: whether a card can move now. */
  canMove(id: Id): boolean {
    return this.#canEdit && !this.pending.moves.has(id) && !this.pending.verdicts.has(id) && this.data.actions.has(id);
  }

  #title(id: Id): string {
    return this.data.actions.get(id)?.title ?? id;
  }

  /** MoveHost: says how a keyboard move or a drag goes. */
  say(what: Parameters<MoveHost['say']>[0]): void {
    const title = this.#title(what.carried.id);
    const target = what.target;
    const count = target ? this.shownIds(target.lane, target.status).filter((id) => id !== what.carried.id).length + 1 : 0;
    const where = target ? { status: target.status, position: target.index + 1, count } : undefined;
    this.#announcer.announce(moveWords(what.kind, title, what.kind === 'target' ? where : undefined));
  }

  // Writes --------------------------------------------------------------------------------------

  /** MoveHost: one move, shown at once, saved with one `moveAction`, undone if refused. */
  move(carried: Carried, place: ActionPlace, how: 'drag' | 'keyboard' | 'menu'): void {
    void this.#writes.move(carried, place, how);
  }

  #focusCard(carried: Carried): void {
    const card = `li[data-lane="${carried.lane}"][data-id="${CSS.escape(carried.id)}"]`;
    this.#focusAfterUpdate = [`${card} .move`, `${card} .menu-button`];
  }

  // Keyboard, pointer, menus --------------------------------------------------------------------

  #onKeydown = (event: KeyboardEvent): void => {
    this.#moves.keydown(event);
  };

  #onClick = (event: MouseEvent): void => {
    const origin = event.composedPath()[0];
    const button = origin instanceof Element ? origin.closest<HTMLButtonElement>('button[data-act]') : null;
    const more = button?.closest<HTMLElement>('li[data-more]');
    if (button && more) {
      this.#windows.more(more.dataset['more'] ?? '', true);
      return;
    }
    const card = button?.closest<HTMLElement>('li[data-id]');
    if (!button || !card) return;
    const id = card.dataset['id'] ?? '';
    const lane = Number(card.dataset['lane']);
    const action = this.#currentView.cards.get(id)?.action;
    if (!action) return;
    if (button.dataset['act'] === 'pick-up') {
      this.#menus.close();
      this.#moves.pickUp({ id, lane, status: action.status });
    } else if (button.dataset['act'] === 'verify') {
      this.#focusAfterUpdate = [`li[data-lane="${lane}"][data-id="${CSS.escape(id)}"] .menu-button`];
      void this.#writes.judge(id, 'effective');
    }
  };

  #onDragStart = (event: DragEvent): void => {
    const origin = event.composedPath()[0];
    // Only a card itself: a link inside it drags as a link.
    if (!(origin instanceof HTMLElement) || origin.localName !== 'li' || origin.dataset['id'] === undefined) return;
    const id = origin.dataset['id'];
    const action = this.#currentView.cards.get(id)?.action;
    if (!action) return;
    this.#menus.close();
    this.#moves.dragStart(event, { id, lane: Number(origin.dataset['lane']), status: action.status });
  };

  #onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget;
    const inside = next instanceof Node && (this.shadowRoot?.contains(next) ?? false);
    if (!inside && next !== null) this.#moves.cancel();
  };

  // Rendering -----------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    return html`${this.#announcer.render()}${this.#renderContent()}`;
  }

  #renderContent(): TemplateResult {
    if (!this.source) return this.renderMissingAdapter();
    if (this.loadState === 'error') {
      return html`<div part="message" class="message error" role="alert">
        <p>${msg(str`The prevention actions could not be loaded: ${errorText(this.loadError)}`, { desc: 'Prevention board: loading failed' })}</p>
        <button
          type="button"
          @click=${() => this.#source.reload()}
        >
          ${msg('Try again', { id: 'prevention-board.retry', desc: 'Prevention board: retry loading' })}
        </button>
      </div>`;
    }
    if (this.loadState !== 'ready') {
      return html`<div part="base" class="board" aria-busy="true">
        <p class="note" role="status">${msg('Loading prevention actions…', { desc: 'Prevention board: loading' })}</p>
      </div>`;
    }
    return this.#renderBoard();
  }

  #renderBoard(): TemplateResult {
    const view = this.#currentView;
    const canEdit = this.#canEdit;
    const oneIncident = this.incidentId.trim() !== '' || (this.filter.incidentId ?? null) !== null;
    const busy = this.pending.moves.size > 0 || this.pending.verdicts.size > 0;
    const helpers = this.#cardHelpers();
    return html`<section
      part="base"
      class="board ${this.#moves.moving ? 'moving' : ''}"
      aria-labelledby="title"
      aria-busy=${busy ? 'true' : 'false'}
      @keydown=${this.#onKeydown}
      @click=${this.#onClick}
      @dragstart=${this.#onDragStart}
      @focusout=${this.#onFocusOut}
    >
      <header class="head">
        <h2 id="title" part="title">${msg('Prevention actions', { desc: 'Prevention board heading' })}</h2>
        ${renderBalance(view.mix, (share) => this.#labels.percent(share), oneIncident)}
      </header>
      ${renderFilters({
        filter: this.filter,
        lanes: this.#laneKind,
        incidents: this.incidentId.trim() ? [] : this.#labels.incidentChoices(this.data.actions.values()),
        owners: this.#labels.ownerChoices(this.data.actions.values()),
        shown: view.shown,
        total: view.total,
        onFilter: (filter) => {
          this.#moves.cancel();
          this.filter = filter;
        },
        onLanes: (lanes) => {
          this.#moves.cancel();
          this.lanes = lanes;
        },
      })}
      ${this.failure
        ? html`<div part="message" class="message error">
            <p>${this.failure}</p>
            <button type="button" @click=${() => (this.failure = null)}>${msg('Dismiss', { id: 'prevention-board.dismiss', desc: 'Prevention board: hide the error message' })}</button>
          </div>`
        : nothing}
      ${canEdit
        ? html`<p id="instructions" part="instructions" class="hint">
            ${msg(
              'Drag a card to move it, or use the keyboard: Move picks a card up, the arrow keys choose its place, Enter drops it, Escape cancels. Every card also has a menu.',
              { desc: 'Prevention board: how to move cards' },
            )}
          </p>`
        : html`<p class="hint" role="note">${msg('You can see the board but not change it.', { desc: 'Prevention board: read-only' })}</p>`}
      ${view.total === 0
        ? html`<p class="empty">
            ${msg('No prevention actions yet. Actions created in a postmortem land here.', { desc: 'Prevention board: no actions at all' })}
          </p>`
        : view.shown === 0
          ? html`<p class="empty">
              ${msg('No action matches the filters.', { desc: 'Prevention board: the filters let nothing through' })}
              <button type="button" class="clear" @click=${() => (this.filter = {})}>${msg('Clear filters', { desc: 'Prevention board: remove every filter' })}</button>
            </p>`
          : view.lanes.map((lane, index) =>
              renderLane(lane, index, {
                title: this.#laneKind === 'none' ? null : this.#labels.laneTitle(this.#laneKind, lane.key),
                epoch: this.#cardEpoch,
                helpers,
                moves: this.#moves,
                windows: this.#windows,
                menuOpen: (lane, id) => this.#menus.open === this.#menuId(lane, id),
              }),
            )}
    </section>`;
  }

  #menuId(lane: number, id: Id): string {
    return `m-${lane}-${id}`;
  }

  /** What cards need from the board, for one render. */
  #cardHelpers(): CardHelpers {
    return {
      canEdit: this.#canEdit,
      canDrag: this.#moves.canDrag,
      personName: (id) => this.#labels.personName(id),
      incident: (id) => this.#labels.incident(id),
      date: (date) => this.#labels.date(date),
      days: (count) => this.#labels.days(count),
      menu: (card, lane) =>
        this.#menus.render(
          this.#menuId(lane, card.action.id),
          {
            text: msg('More…', { id: 'prevention-board.more', desc: 'Prevention board: menu button of a card' }),
            context: card.action.title,
            menu: msg(str`Move or mark ${card.action.title}`, { desc: 'Prevention board: label of a card menu' }),
          },
          () => {
            const carried: Carried = { id: card.action.id, lane, status: card.action.status };
            if (!this.canMove(carried.id)) return [];
            return cardMenuItems(card.action, this.shownIds(lane, carried.status), {
              move: (place) => this.move(carried, place, 'menu'),
              judge: (effectiveness) => void this.#writes.judge(carried.id, effectiveness),
            });
          },
          [`li[data-lane="${lane}"][data-id="${CSS.escape(card.action.id)}"] .move`],
        ),
    };
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const selectors = [...this.#focusAfterUpdate, ...this.#windows.focus];
    if (selectors.length === 0) return;
    this.#focusAfterUpdate = [];
    this.#windows.focus = [];
    focusFirst(this.shadowRoot, selectors);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hansei-prevention-board': HanseiPreventionBoard;
  }
  interface HTMLElementEventMap {
    'hansei-action-moved': CustomEvent<ActionMovedDetail>;
    'hansei-action-updated': CustomEvent<ActionUpdatedDetail>;
    'hansei-action-error': CustomEvent<ActionErrorDetail>;
  }
}
