import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { can, type HanseiAdapter } from '@hansei/adapters';
import {
  ACTION_STATUSES,
  LANE_KINDS,
  boardColumns,
  calendarDate,
  isIsoDate,
  planActionMove,
  stepPlace,
  type ActionEffectiveness,
  type ActionFilter,
  type ActionPlace,
  type ActionStatus,
  type Id,
  type LaneKind,
  type PreventionAction,
  type Stored,
} from '@hansei/core';
import { currentOf, errorText, isConflict } from '../internal/adapter-errors.js';
import { Announcer } from '../internal/announcer.js';
import { HanseiDataElement } from '../internal/data-element.js';
import { getLocale } from '../internal/localization.js';
import { Menus, type MenuItem } from '../internal/menus.js';
import { renderCard, type CardHelpers } from './card.js';
import { applyChange, loadBoard, withAction, type BoardData } from './data.js';
import { renderBalance, renderFilters } from './filters.js';
import { Labels } from './labels.js';
import { BoardMoves, type Carried, type MoveHost } from './moves.js';
import { preventionBoardStyles } from './prevention-board.styles.js';
import { NO_PENDING, boardView, optimistic, shownIds, type BoardView, type CardView, type LaneView, type Pending } from './view.js';
import { columnWords } from './words.js';

/** What `hansei-action-moved` carries: one move the adapter saved. */
export interface ActionMovedDetail {
  /** The action as saved (new column, rank and version). */
  readonly action: Stored<PreventionAction>;
  readonly from: ActionStatus;
  readonly to: ActionStatus;
  /** The neighbours it was put between (null: an end of the column). */
  readonly afterId: Id | null;
  readonly beforeId: Id | null;
  readonly how: 'drag' | 'keyboard' | 'menu';
}

/** What `hansei-action-updated` carries: a verdict on a done action, saved. */
export interface ActionUpdatedDetail {
  readonly action: Stored<PreventionAction>;
  readonly previous: Stored<PreventionAction>;
}

/** What `hansei-action-error` carries: a write the adapter refused (the board shows the action as it is). */
export interface ActionErrorDetail {
  readonly actionId: Id;
  readonly error: unknown;
  /** Someone else changed the board first. */
  readonly conflict: boolean;
}

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

const EMPTY: BoardData = { actions: new Map(), incidents: new Map(), people: new Map(), role: undefined };

/**
 * Cards a column renders at first, and how many more each time it is scrolled to its end (or
 * "Show more" is pressed). With content-visibility on each card, measured: 2,000 cards rendered
 * at once took 1.8 s (5.3 s without content-visibility); the first 50 per column, about 0.2 s.
 */
const FIRST_CARDS = 50;
const MORE_CARDS = 100;

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
export class HanseiPreventionBoard extends HanseiDataElement implements MoveHost {
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
  /** How many cards each column of each swimlane renders (`lane|status`); the rest follow on scroll or on request. */
  @state() private limits: ReadonlyMap<string, number> = new Map();

  readonly #announcer = new Announcer(this);
  readonly #moves = new BoardMoves(this);
  readonly #menus = new Menus(this, () => this.#moves.cancel());
  readonly #labels = new Labels(() => ({ data: this.data, settings: this.settings }));
  #loadedFor: { adapter: HanseiAdapter | undefined; incidentId: string } | null = null;
  #liveFor: { adapter: HanseiAdapter | undefined; incidentId: string } | null = null;
  #loadAbort: AbortController | null = null;
  #liveAbort: AbortController | null = null;
  #changedWhileLoading = false;
  #view: { readonly key: readonly unknown[]; readonly view: BoardView } | null = null;
  /** Changes when what every card shows changes (words, names, incidents): cards then re-render. */
  #cardEpoch = 0;
  #epochKey: readonly unknown[] = [];
  /** Where focus goes after the next render: the first of these selectors that matches. */
  #focusAfterUpdate: readonly string[] = [];
  /** Extends a column when its "show more" row nears the viewport. */
  #more: IntersectionObserver | null = null;
  #limitsFor: readonly unknown[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: subscribe again (willUpdate does it).
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#liveAbort?.abort();
    this.#liveAbort = null;
    this.#liveFor = null;
    this.#more?.disconnect();
    this.#more = null;
  }

  // Data ----------------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const adapter = this.source;
    const incidentId = this.incidentId.trim();
    const stale = (done: { adapter: HanseiAdapter | undefined; incidentId: string } | null): boolean =>
      done === null || done.adapter !== adapter || done.incidentId !== incidentId;
    if (stale(this.#loadedFor)) {
      this.#loadedFor = { adapter, incidentId };
      void this.#load(adapter, incidentId);
    }
    if (this.isConnected && stale(this.#liveFor)) {
      this.#liveFor = { adapter, incidentId };
      this.#subscribe(adapter, incidentId);
    }
    const shape = [this.filter, this.#laneKind, adapter, incidentId];
    if (shape.some((value, i) => value !== this.#limitsFor[i])) {
      this.#limitsFor = shape;
      if (this.limits.size > 0) this.limits = new Map();
    }
    const key = [this.data.people, this.data.incidents, this.settings.guideline, this.settings.locale, this.settings.timeZone, getLocale(), this.#canEdit, this.#moves.canDrag];
    if (key.some((value, i) => value !== this.#epochKey[i])) {
      this.#epochKey = key;
      this.#cardEpoch += 1;
      this.#labels.reset();
    }
  }

  async #load(adapter: HanseiAdapter | undefined, incidentId: string): Promise<void> {
    this.#loadAbort?.abort();
    this.pending = NO_PENDING;
    this.#moves.cancel();
    this.#menus.close();
    this.failure = null;
    if (!adapter) {
      this.loadState = 'idle';
      return;
    }
    const abort = new AbortController();
    this.#loadAbort = abort;
    this.loadState = 'loading';
    this.#changedWhileLoading = false;
    try {
      const data = await loadBoard(adapter, incidentId || null, abort.signal);
      if (abort.signal.aborted) return;
      this.data = data;
      this.loadState = 'ready';
      // A change that arrived while the answers were on their way may be missing from them.
      if (this.#changedWhileLoading) void this.#refreshActions();
    } catch (error) {
      if (abort.signal.aborted) return;
      this.loadError = error;
      this.loadState = 'error';
    }
  }

  /** Reads the actions again (after a conflict without the current card, or changes during the load). */
  async #refreshActions(): Promise<void> {
    const adapter = this.source;
    const incidentId = this.incidentId.trim();
    if (!adapter) return;
    this.#changedWhileLoading = false;
    try {
      const fresh = await loadBoard(adapter, incidentId || null, new AbortController().signal);
      if (adapter !== this.source || incidentId !== this.incidentId.trim()) return;
      this.data = { ...fresh, role: this.data.role ?? fresh.role };
    } catch (error) {
      this.failure = errorText(error);
    }
  }

  #subscribe(adapter: HanseiAdapter | undefined, incidentId: string): void {
    this.#liveAbort?.abort();
    this.#liveAbort = null;
    if (!adapter || !adapter.capabilities.live) return;
    const abort = new AbortController();
    this.#liveAbort = abort;
    adapter.subscribe(
      (change) => {
        if (this.loadState === 'loading') this.#changedWhileLoading = true;
        if (this.loadState !== 'ready') return;
        const effect = applyChange(this.data, change, incidentId || null);
        if (effect.kind === 'none') return;
        if (effect.kind === 'reload') {
          this.#loadedFor = null;
          this.requestUpdate();
          return;
        }
        this.data = effect.data;
        if (effect.kind !== 'action') return;
        const id = effect.after?.id ?? effect.before?.id ?? '';
        if (this.pending.moves.has(id) || this.pending.verdicts.has(id)) return;
        this.#announceRemote(effect.type, effect.before, effect.after);
      },
      { signal: abort.signal },
    );
  }

  #announceRemote(type: string, before: Stored<PreventionAction> | undefined, after: Stored<PreventionAction> | undefined): void {
    if (after && (type === 'action.created' || !before)) {
      this.#announcer.announce(msg(str`New action: ${after.title}, in ${columnWords(after.status)}.`, { desc: 'Prevention board: someone else created an action' }));
    } else if (after && before && after.status !== before.status) {
      this.#announcer.announce(msg(str`${after.title} moved to ${columnWords(after.status)}.`, { desc: 'Prevention board: someone else moved an action to another column' }));
    } else if (!after && before) {
      this.#announcer.announce(msg(str`${before.title} left the board.`, { desc: 'Prevention board: an action was deleted or unlinked elsewhere' }));
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
    switch (what.kind) {
      case 'picked':
        this.#announcer.announce(
          msg(str`Picked up ${title}. Use the arrow keys to choose a place, Enter to drop, Escape to cancel.`, { desc: 'Prevention board: keyboard move started' }),
        );
        return;
      case 'target': {
        if (!target) return;
        const count = this.shownIds(target.lane, target.status).filter((id) => id !== what.carried.id).length + 1;
        this.#announcer.announce(
          msg(str`${columnWords(target.status)}, position ${target.index + 1} of ${count}.`, { desc: 'Prevention board: where a carried card would be dropped' }),
        );
        return;
      }
      case 'cancelled':
        this.#announcer.announce(msg(str`Cancelled. ${title} was not moved.`, { id: 'prevention-board.cancelled', desc: 'Prevention board: keyboard move cancelled' }));
        return;
      case 'not-dropped':
        this.#announcer.announce(msg(str`${title} was not moved.`, { id: 'prevention-board.not-moved', desc: 'Prevention board: a drag ended outside any column' }));
        return;
    }
  }

  // Writes --------------------------------------------------------------------------------------

  /** MoveHost: one move, shown at once, saved with one `moveAction`, undone if refused. */
  move(carried: Carried, place: ActionPlace, how: 'drag' | 'keyboard' | 'menu'): void {
    void this.#move(carried, place, how);
  }

  async #move(carried: Carried, place: ActionPlace, how: 'drag' | 'keyboard' | 'menu'): Promise<void> {
    const adapter = this.source;
    const action = this.data.actions.get(carried.id);
    if (!adapter || !action || !this.canMove(carried.id)) return;
    const title = action.title;
    // The keyboard keeps focus on the card; a menu returns it to its button itself. Either way the
    // card must be rendered where it lands, however far down.
    const refocus = how === 'keyboard';
    let plan;
    try {
      plan = planActionMove(optimistic(this.data.actions.values(), this.pending, ''), carried.id, place);
    } catch {
      plan = null;
    }
    if (!plan) {
      this.#announcer.announce(msg(str`${title} stays where it was.`, { desc: 'Prevention board: a move that changes nothing' }));
      if (refocus) this.#focusCard(carried);
      return;
    }
    this.pending = { ...this.pending, moves: new Map(this.pending.moves).set(carried.id, plan) };
    this.failure = null;
    if (how !== 'drag') this.#renderUpTo(carried.lane, plan.move.status, carried.id);
    if (refocus) this.#focusCard(carried);
    const done = (): void => {
      const moves = new Map(this.pending.moves);
      moves.delete(carried.id);
      this.pending = { ...this.pending, moves };
    };
    try {
      const saved = await adapter.moveAction(carried.id, plan.move, action.version);
      if (adapter !== this.source) return;
      this.data = withAction(this.data, saved);
      done();
      const column = boardColumns(optimistic(this.data.actions.values(), this.pending, ''))[saved.status];
      const position = column.findIndex((a) => a.id === saved.id) + 1;
      this.#announcer.announce(
        msg(str`${title} moved to ${columnWords(saved.status)}, position ${position} of ${column.length}.`, { desc: 'Prevention board: a move was saved' }),
      );
      this.dispatchEvent(
        new CustomEvent<ActionMovedDetail>('hansei-action-moved', {
          detail: { action: saved, from: plan.from, to: saved.status, afterId: plan.move.afterId, beforeId: plan.move.beforeId, how },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (error) {
      done();
      if (adapter !== this.source) return;
      this.#refused(action, error, 'move');
    }
  }

  /** Records a verdict on a done action: verified effective, recurred, or none. */
  async #judge(id: Id, effectiveness: ActionEffectiveness): Promise<void> {
    const adapter = this.source;
    const action = this.data.actions.get(id);
    if (!adapter || !action || !this.canMove(id)) return;
    this.pending = { ...this.pending, verdicts: new Map(this.pending.verdicts).set(id, effectiveness) };
    this.failure = null;
    const done = (): void => {
      const verdicts = new Map(this.pending.verdicts);
      verdicts.delete(id);
      this.pending = { ...this.pending, verdicts };
    };
    try {
      const saved = await adapter.updateAction(id, { effectiveness }, action.version);
      if (adapter !== this.source) return;
      this.data = withAction(this.data, saved);
      done();
      this.#announcer.announce(
        effectiveness === 'effective'
          ? msg(str`${action.title} is marked verified effective.`, { desc: 'Prevention board: a done action was marked as having worked' })
          : effectiveness === 'recurred'
            ? msg(str`${action.title} is marked as recurred.`, { desc: 'Prevention board: a done action was marked as not having worked' })
            : msg(str`The verdict on ${action.title} is cleared.`, { desc: 'Prevention board: the verdict on a done action was removed' }),
      );
      this.dispatchEvent(new CustomEvent<ActionUpdatedDetail>('hansei-action-updated', { detail: { action: saved, previous: action }, bubbles: true, composed: true }));
    } catch (error) {
      done();
      if (adapter !== this.source) return;
      this.#refused(action, error, 'verdict');
    }
  }

  /** After a refused write: the board shows the action as it is, and says why. */
  #refused(action: Stored<PreventionAction>, error: unknown, what: 'move' | 'verdict'): void {
    const reason = errorText(error);
    const conflict = isConflict(error);
    if (conflict) {
      const current = currentOf<Stored<PreventionAction>>(error);
      if (current && current.id === action.id) this.data = withAction(this.data, current);
      else void this.#refreshActions();
    }
    const title = action.title;
    this.failure = conflict
      ? msg(str`Someone else changed the board first, so ${title} was not changed: ${reason} The board now shows it as it is; try again if you still need to.`, {
          desc: 'Prevention board: a write refused because of another change',
        })
      : what === 'move'
        ? msg(str`${title} was not moved: ${reason} It is back where it was.`, { desc: 'Prevention board: a move refused by the adapter' })
        : msg(str`The verdict on ${title} was not saved: ${reason}`, { desc: 'Prevention board: a verdict refused by the adapter' });
    this.#announcer.announce(this.failure, 'assertive');
    this.dispatchEvent(new CustomEvent<ActionErrorDetail>('hansei-action-error', { detail: { actionId: action.id, error, conflict }, bubbles: true, composed: true }));
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
      this.#showMore(more.dataset['more'] ?? '', true);
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
      void this.#judge(id, 'effective');
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

  /** The items of a card's menu: moves within the column shown, to other columns, and verdicts. */
  #menuItems(card: CardView, lane: number): MenuItem[] {
    const { action } = card;
    if (!this.canMove(action.id)) return [];
    const carried: Carried = { id: action.id, lane, status: action.status };
    const items: MenuItem[] = [];
    const shown = this.shownIds(lane, action.status);
    const steps = [
      ['top', msg('Move to top', { desc: 'Prevention board menu: move a card to the top of its column' })],
      ['up', msg('Move up', { desc: 'Prevention board menu: move a card one place up' })],
      ['down', msg('Move down', { desc: 'Prevention board menu: move a card one place down' })],
      ['bottom', msg('Move to bottom', { desc: 'Prevention board menu: move a card to the bottom of its column' })],
    ] as const;
    if (shown.includes(action.id)) {
      for (const [step, label] of steps) {
        const place = stepPlace(shown, action.id, action.status, step);
        if (place) items.push({ label, run: () => this.move(carried, place, 'menu') });
      }
    }
    for (const status of ACTION_STATUSES) {
      if (status === action.status) continue;
      items.push({
        label: msg(str`Move to ${columnWords(status)}`, { id: 'prevention-board.move-to', desc: 'Prevention board menu: move a card to the bottom of another column' }),
        run: () => this.move(carried, { status, at: 'bottom' }, 'menu'),
      });
    }
    if (action.status === 'done') {
      if (action.effectiveness !== 'effective') {
        items.push({ label: msg('Mark verified effective', { desc: 'Prevention board menu: record that a done action worked' }), run: () => void this.#judge(action.id, 'effective') });
      }
      if (action.effectiveness !== 'recurred') {
        items.push({ label: msg('Mark as recurred', { desc: 'Prevention board menu: record that the incident came back after a done action' }), run: () => void this.#judge(action.id, 'recurred') });
      }
      if (action.effectiveness !== 'unverified') {
        items.push({ label: msg('Clear the verdict', { desc: 'Prevention board menu: neither verified nor recurred' }), run: () => void this.#judge(action.id, 'unverified') });
      }
    }
    return items;
  }

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
          @click=${() => {
            this.#loadedFor = null;
            this.requestUpdate();
          }}
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
          : view.lanes.map((lane, index) => this.#renderLane(lane, index, helpers))}
    </section>`;
  }

  #renderLane(lane: LaneView, index: number, helpers: CardHelpers): TemplateResult {
    const kind = this.#laneKind;
    const title = kind === 'none' ? null : this.#labels.laneTitle(kind, lane.key);
    const columns = html`<div
      class="columns"
      part="columns"
      role="region"
      tabindex="0"
      aria-label=${title === null ? msg('Columns', { desc: 'Prevention board: label of the row of columns' }) : msg(str`Columns: ${title}`, { desc: 'Prevention board: label of the row of columns of one swimlane' })}
    >
      ${lane.columns.map((column) => {
        const heading = `c-${index}-${column.status}`;
        const indicator = this.#moves.indicator(index, column.status);
        const dropBefore = indicator?.before ?? null;
        const moving = this.#moves.moving;
        return html`<div class="column status-${column.status}" part="column" role="group" data-drop-column data-lane=${index} data-status=${column.status} aria-labelledby=${heading}>
          ${kind === 'none'
            ? html`<h3 id=${heading} class="column-title">${columnWords(column.status)} <span class="count">${column.cards.length}</span></h3>`
            : html`<h4 id=${heading} class="column-title">${columnWords(column.status)} <span class="count">${column.cards.length}</span></h4>`}
          ${column.cards.length === 0 && indicator === null ? html`<p class="empty-column">${msg('No actions', { desc: 'Prevention board: an empty column' })}</p>` : nothing}
          <ol class="cards">
            ${repeat(
              column.cards.slice(0, this.#rendered(index, column.status, column.cards.length)),
              (card) => card.action.id,
              (card) => {
                const id = card.action.id;
                const isMoving = moving !== null && moving.id === id && moving.lane === index;
                const menuOpen = this.#menus.open === this.#menuId(index, id);
                return guard([card, index, isMoving, dropBefore === id, menuOpen, this.#cardEpoch], () =>
                  renderCard(card, index, { moving: isMoving, dropBefore: dropBefore === id }, helpers),
                );
              },
            )}
            ${indicator !== null && indicator.before === null ? html`<li class="drop-end" aria-hidden="true"></li>` : nothing}
            ${this.#renderMore(index, column.status, column.cards.length)}
          </ol>
        </div>`;
      })}
    </div>`;
    if (title === null) return columns;
    return html`<div class="lane" part="lane" role="group" aria-labelledby="lane-${index}">
      <h3 id="lane-${index}" class="lane-title">${title} <span class="count">${lane.count}</span></h3>
      ${columns}
    </div>`;
  }

  /** How many cards of a column to render: its limit, and always the place a move is aiming at. */
  #rendered(lane: number, status: ActionStatus, total: number): number {
    let count = this.limits.get(`${lane}|${status}`) ?? FIRST_CARDS;
    const target = this.#moves.target;
    if (target && target.lane === lane && target.status === status) count = Math.max(count, target.index + 2);
    return Math.min(count, total);
  }

  /** Makes a column render at least down to card `id` (a card moved there keeps focus). */
  #renderUpTo(lane: number, status: ActionStatus, id: Id): void {
    const index = this.shownIds(lane, status).indexOf(id);
    const key = `${lane}|${status}`;
    if (index >= (this.limits.get(key) ?? FIRST_CARDS)) this.limits = new Map(this.limits).set(key, index + 1);
  }

  #renderMore(lane: number, status: ActionStatus, total: number): TemplateResult | typeof nothing {
    const left = total - this.#rendered(lane, status, total);
    if (left <= 0) return nothing;
    const next = Math.min(left, MORE_CARDS);
    return html`<li class="more" data-more="${lane}|${status}">
      <button type="button" data-act="more">${msg(str`Show ${next} more (${left} not shown yet)`, { desc: 'Prevention board: render more cards of a long column' })}</button>
    </li>`;
  }

  /** Renders more cards of column `key` (`lane|status`); from the button, focus stays in the column. */
  #showMore(key: string, fromButton: boolean): void {
    const [lane, status] = key.split('|');
    if (lane === undefined || status === undefined) return;
    const column = this.#currentView.lanes[Number(lane)]?.columns.find((c) => c.status === status);
    if (!column) return;
    const now = this.#rendered(Number(lane), status as ActionStatus, column.cards.length);
    this.limits = new Map(this.limits).set(key, now + MORE_CARDS);
    if (fromButton) {
      // Focus goes to the first card that was not shown before.
      const next = column.cards[now]?.action.id;
      if (next !== undefined) this.#focusAfterUpdate = [`li[data-lane="${lane}"][data-id="${CSS.escape(next)}"] .move`, `li[data-lane="${lane}"][data-id="${CSS.escape(next)}"] a, li[data-more="${CSS.escape(key)}"] button`];
    }
  }

  /** Watches the "show more" rows: a column nearing the viewport renders more cards. */
  #observeMore(): void {
    const rows = this.shadowRoot?.querySelectorAll<HTMLElement>('li[data-more]') ?? [];
    if (rows.length === 0 && !this.#more) return;
    this.#more ??= new IntersectionObserver(
      (entries) => {
        for (const entry of entries) if (entry.isIntersecting) this.#showMore((entry.target as HTMLElement).dataset['more'] ?? '', false);
      },
      { rootMargin: '600px' },
    );
    this.#more.disconnect();
    for (const row of rows) this.#more.observe(row);
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
          () => this.#menuItems(card, lane),
          [`li[data-lane="${lane}"][data-id="${CSS.escape(card.action.id)}"] .move`],
        ),
    };
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#observeMore();
    const selectors = this.#focusAfterUpdate;
    if (selectors.length === 0) return;
    this.#focusAfterUpdate = [];
    for (const selector of selectors) {
      const target = this.shadowRoot?.querySelector<HTMLElement>(selector);
      if (target) {
        target.focus();
        return;
      }
    }
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
