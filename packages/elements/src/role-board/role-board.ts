import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { can, type Change, type HanseiAdapter } from '@hansei/adapters';
import {
  DEFAULT_ROLES,
  isOpen,
  localize,
  requiredRoles,
  type Id,
  type Incident,
  type Person,
  type RoleAssignment,
  type RoleDefinition,
  type RoleKey,
  type Stored,
  type TokenRole,
} from '@hansei/core';
import { Announcer } from '../internal/announcer.js';
import { HanseiDataElement } from '../internal/data-element.js';
import { focusFirst } from '../internal/focus.js';
import { Menus, type MenuItem } from '../internal/menus.js';
import { errorText, isConflict } from '../internal/adapter-errors.js';
import { followQueued, isQueuedWrite, queuedFailedWords, queuedSentWords, queuedWords, renderQueued, type QueuedWrite } from '../internal/queued.js';
import { incidentStatusWords } from '../internal/status-words.js';
import { applySteps, missingNow, planMove, type Move, type Plan, type Step } from './plan.js';
import { renderHistory } from './history.js';
import { gripIcon, warningIcon } from './icons.js';
import { renderPeople } from './people.js';
import { roleBoardStyles } from './role-board.styles.js';
import { dropHintText, handOffText, outcomeText, since, TimeFormat, type RoleNames } from './words.js';
import { connectShadowDrag, startShadowDrag, type ShadowDragBoard } from '../internal/shadow-drag.js';

/** What `hansei-role-change` carries: one confirmed write. */
export interface RoleChangeDetail {
  readonly incidentId: Id;
  readonly kind: 'assigned' | 'handed-off' | 'released';
  /** The new assignment (assigned, handed-off) or the one that ended (released). */
  readonly assignment: RoleAssignment;
  /** For a hand-off: the assignment it ended. */
  readonly released: RoleAssignment | null;
}

/** What `hansei-role-error` carries: a write the adapter refused (the board is back as it was). */
export interface RoleErrorDetail {
  readonly incidentId: Id;
  readonly error: unknown;
}

/** A person being moved: from the people list (`fromAssignmentId` null) or out of a role. */
type Carried = Omit<Move, 'role'>;

/** A change of the board on its way to the adapter: its steps, and how many are confirmed. */
interface PendingChange {
  readonly steps: readonly Step[];
  done: number;
}

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

const PEOPLE_PAGE = 200;
const PEOPLE_PAGES_MAX = 10;


/**
 * Who holds which role in one incident, and who else could. People move into roles by drag and
 * drop (@atlaskit/pragmatic-drag-and-drop), by keyboard (Enter or Space picks a person up, the
 * arrow keys choose a role, Enter drops, Escape cancels; a click on a role also drops) or by a
 * menu on every person, holder and role; every outcome is spoken through a live region.
 *
 * Taking over a role somebody holds alone (command above all) is a hand-off: the adapter's
 * `handOffRole` ends one assignment and starts the next, and both stay in the role's history.
 * Releasing a holder ends their assignment without a successor. Roles the severity guideline
 * requires for the incident's severity (an Incident Commander for SEV1-2 by default) are flagged
 * while nobody holds them.
 *
 * Changes show at once and are undone, with a message saying why, when the adapter refuses them;
 * when someone else changed the roles first, the board reloads and says so. Changes made
 * elsewhere arrive live (`subscribe`). Without write access (a read-only adapter, a viewer's
 * token, or the `readonly` attribute) the board only shows.
 *
 * The roles are the adapter's (`listRoles`), core's defaults without one, or the `roles`
 * property; the people are the adapter's (`listPeople`).
 *
 * @tag hansei-role-board
 * @summary Incident roles and their holders: assign, hand off and release by drag, keyboard or menu, with history.
 *
 * @event hansei-role-change - A change was saved; `detail` is a `RoleChangeDetail` (kind `assigned`, `handed-off` or `released`, the assignment, and the one a hand-off ended).
 * @event hansei-role-error - The adapter refused a change and the board undid it; `detail.error` says why.
 * @event hansei-announce - A message for screen readers (see `Announcer`); cancel it to speak it your own way.
 *
 * @csspart base - The board.
 * @csspart title - The board's heading.
 * @csspart missing - The summary of required roles nobody holds.
 * @csspart message - The message about a change that failed, or why the board cannot show.
 * @csspart queued - Says changes made offline wait in the outbox; the board shows them as under way until sent.
 * @csspart instructions - How to move people without a mouse.
 * @csspart roles - The list of roles.
 * @csspart role - One role's card; also `role-missing` while it is required and empty, `role-over` while something can be dropped on it.
 * @csspart responsibilities - A role's responsibilities.
 * @csspart history - A role's history: who held it, from when to when, and hand-offs.
 * @csspart people - The list of people.
 * @csspart person - One person's chip (in the people list or holding a role).
 * @csspart menu - An open menu.
 *
 * @cssprop [--hansei-color-text-muted=light-dark(#59636e, #9198a1)] - Secondary text (times, hints).
 * @cssprop [--hansei-color-surface-raised=light-dark(#f6f8fa, #151b23)] - Background of role cards and chips.
 * @cssprop [--hansei-color-focus=light-dark(#0969da, #4493f8)] - Focus ring, and the role a person would be dropped on.
 * @cssprop [--hansei-status-critical=light-dark(#cf222e, #f85149)] - Flag of a required role missing at the most severe level.
 * @cssprop [--hansei-status-major=light-dark(#bc4c00, #db6d28)] - Flag of a required role missing at other levels.
 */
export class HanseiRoleBoard extends HanseiDataElement {
  static override styles = [HanseiDataElement.styles, roleBoardStyles];

  /** The incident whose roles to show. */
  @property({ attribute: 'incident-id' }) incidentId = '';

  /** The roles to offer, instead of the adapter's (or core's defaults). */
  @property({ attribute: false }) roles: readonly RoleDefinition[] | undefined;

  /** Shows the board without any way to change it. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  @state() private loadState: LoadState = 'idle';
  @state() private loadError: unknown = null;
  @state() private incident: Stored<Incident> | null = null;
  @state() private definitions: readonly RoleDefinition[] | null = null;
  @state() private people: readonly Stored<Person>[] = [];
  @state() private confirmed: ReadonlyMap<Id, RoleAssignment> = new Map();
  @state() private serverMissing: readonly RoleKey[] = [];
  @state() private pending: readonly PendingChange[] = [];
  @state() private sessionRole: TokenRole | null | undefined = undefined;
  @state() private carried: Carried | null = null;
  @state() private target: RoleKey | null = null;
  @state() private dragged: Carried | null = null;
  @state() private failure: string | null = null;
  /** Changes made offline, waiting in the outbox. */
  @state() private queued = 0;
  @state() private filter = '';

  readonly #announcer = new Announcer(this);
  #loadedFor: { adapter: HanseiAdapter | undefined; incidentId: string } | null = null;
  #liveFor: { adapter: HanseiAdapter | undefined; incidentId: string } | null = null;
  #loadAbort: AbortController | null = null;
  #liveAbort: AbortController | null = null;
  #disconnectDrag: (() => void) | null = null;
  #nextId = 1;
  #changedWhileLoading = false;
  readonly #times = new TimeFormat();
  /** Where focus goes after the next render: the first of these selectors that matches. */
  #focusAfterUpdate: readonly string[] = [];
  readonly #menus = new Menus(this, () => {
    this.carried = null;
    this.target = null;
  });

  readonly #dragBoard: ShadowDragBoard<Carried> = {
    zoneAt: (x, y, source) => {
      const root = this.shadowRoot;
      const card = root?.elementFromPoint(x, y)?.closest<HTMLElement>('li[data-role]');
      const role = card && root?.contains(card) ? card.dataset['role'] : undefined;
      if (role === undefined) return null;
      return this.#plan({ ...source, role }).ok ? role : null;
    },
    dragOver: (zone) => {
      if (this.target !== zone) this.target = zone;
    },
    dragEnd: (source, zone) => {
      this.dragged = null;
      this.target = null;
      if (zone === null) {
        this.#announcer.announce(msg(str`${this.#personName(source.personId)} was not moved.`, { desc: 'Role board: a drag ended outside any role' }));
        return;
      }
      void this.#apply(this.#plan({ ...source, role: zone }));
    },
  };

  override connectedCallback(): void {
    super.connectedCallback();
    try {
      this.#disconnectDrag = connectShadowDrag(this);
    } catch (error) {
      // pdnd reads process.env.NODE_ENV, which bundlers replace; unbundled, it throws. The board
      // stays usable by keyboard and menus.
      console.warn('hansei-role-board: drag and drop is off (the keyboard and menus still work). Bundle the page so that process.env.NODE_ENV is defined.', error);
    }
    // Moved in the page: subscribe again (willUpdate does it).
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#disconnectDrag?.();
    this.#disconnectDrag = null;
    this.#liveAbort?.abort();
    this.#liveAbort = null;
    this.#liveFor = null;
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
  }

  /** Loads everything the board shows, for this adapter and incident (a newer load wins). */
  async #load(adapter: HanseiAdapter | undefined, incidentId: string): Promise<void> {
    this.#loadAbort?.abort();
    this.pending = [];
    this.carried = null;
    this.#menus.close();
    this.failure = null;
    if (!adapter || !incidentId) {
      this.loadState = 'idle';
      return;
    }
    const abort = new AbortController();
    this.#loadAbort = abort;
    const signal = abort.signal;
    this.loadState = 'loading';
    this.#changedWhileLoading = false;
    try {
      const [incident, roles, people, definitions, session] = await Promise.all([
        adapter.getIncident(incidentId, { signal }),
        adapter.listIncidentRoles(incidentId, { signal }),
        can(adapter, 'people') ? this.#loadPeople(adapter, signal) : Promise.resolve([]),
        can(adapter, 'settings') ? adapter.listRoles({ signal }).catch(() => null) : Promise.resolve(null),
        adapter.session({ signal }).catch(() => undefined),
      ]);
      if (signal.aborted) return;
      this.incident = incident;
      this.confirmed = new Map(roles.history.map((a) => [a.id, a]));
      this.serverMissing = roles.missing;
      this.people = people;
      this.definitions = definitions;
      this.sessionRole = session === undefined ? undefined : session.role;
      this.loadState = 'ready';
      // A change that arrived while the answers were on their way may be missing from them.
      if (this.#changedWhileLoading) void this.#reloadRoles();
    } catch (error) {
      if (signal.aborted) return;
      this.loadError = error;
      this.loadState = 'error';
    }
  }

  async #loadPeople(adapter: HanseiAdapter, signal: AbortSignal): Promise<Stored<Person>[]> {
    const people: Stored<Person>[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < PEOPLE_PAGES_MAX; page++) {
      const answer = await adapter.listPeople(cursor === undefined ? { limit: PEOPLE_PAGE } : { limit: PEOPLE_PAGE, cursor }, { signal });
      people.push(...answer.data);
      if (answer.nextCursor === null) break;
      cursor = answer.nextCursor;
    }
    return people;
  }

  /** Reads the assignments and the incident again (after a conflict, a change only partly saved, or changes during the load). */
  async #reloadRoles(): Promise<void> {
    const adapter = this.source;
    const incidentId = this.incidentId.trim();
    if (!adapter || !incidentId) return;
    this.#changedWhileLoading = false;
    try {
      const [roles, incident] = await Promise.all([adapter.listIncidentRoles(incidentId), adapter.getIncident(incidentId)]);
      if (adapter !== this.source || incidentId !== this.incidentId.trim()) return;
      this.confirmed = new Map(roles.history.map((a) => [a.id, a]));
      this.serverMissing = roles.missing;
      this.incident = incident;
    } catch (error) {
      this.failure = errorText(error);
    }
  }

  #subscribe(adapter: HanseiAdapter | undefined, incidentId: string): void {
    this.#liveAbort?.abort();
    this.#liveAbort = null;
    if (!adapter || !incidentId || !adapter.capabilities.live) return;
    const abort = new AbortController();
    this.#liveAbort = abort;
    adapter.subscribe((change) => this.#onChange(change, incidentId), { signal: abort.signal });
  }

  /** Keeps the board current with changes made elsewhere (and hears back its own). */
  #onChange(change: Change, incidentId: string): void {
    if (this.loadState === 'loading') this.#changedWhileLoading = true;
    if (this.loadState !== 'ready') return;
    switch (change.type) {
      case 'incident.role.assigned':
      case 'incident.role.released': {
        const { assignment } = change.data;
        if (assignment.incidentId !== incidentId) return;
        const known = this.confirmed.get(assignment.id);
        const mine = this.#isPendingFor(assignment);
        this.#confirm([assignment]);
        if (mine || (known && known.releasedAt === assignment.releasedAt)) return;
        const person = this.#personName(assignment.personId);
        const role = this.#roleName(assignment.role);
        this.#announcer.announce(
          change.type === 'incident.role.assigned'
            ? msg(str`${person} is now ${role}.`, { desc: 'Role board: someone took a role' })
            : msg(str`${person} no longer holds ${role}.`, { desc: 'Role board: someone left a role' }),
        );
        return;
      }
      case 'incident.role.handed-off': {
        const { released, assignment } = change.data;
        if (assignment.incidentId !== incidentId) return;
        const known = this.confirmed.has(assignment.id);
        const mine = this.#isPendingFor(assignment);
        this.#confirm([released, assignment]);
        if (mine || known) return;
        this.#announcer.announce(handOffText(this.#names, assignment.role, released.personId, assignment.personId));
        return;
      }
      case 'incident.created':
      case 'incident.updated':
      case 'incident.update.created':
        if (change.data.incident.id === incidentId) this.incident = change.data.incident;
        return;
      case 'person.created':
      case 'person.updated': {
        const { person } = change.data;
        const index = this.people.findIndex((p) => p.id === person.id);
        this.people = index < 0 ? [...this.people, person] : this.people.map((p) => (p.id === person.id ? person : p));
        return;
      }
      case 'person.deleted':
        this.people = this.people.filter((p) => p.id !== change.data.id);
        return;
      case 'roles.updated':
        this.definitions = change.data.roles;
        return;
      case 'demo.seeded':
        this.#loadedFor = null;
        this.requestUpdate();
        return;
      default:
        return;
    }
  }

  /** True when a change under way from this board is what `assignment` records. */
  #isPendingFor(assignment: RoleAssignment): boolean {
    return this.pending.some((change) =>
      change.steps.some((step) =>
        step.kind === 'release' ? step.assignmentId === assignment.id : step.personId === assignment.personId || (step.kind === 'handOff' && step.assignmentId === assignment.id),
      ),
    );
  }

  #confirm(assignments: readonly RoleAssignment[]): void {
    const next = new Map(this.confirmed);
    for (const a of assignments) next.set(a.id, a);
    this.confirmed = next;
  }

  // What the board shows ----------------------------------------------------------------------

  /** The role definitions in use, plus any role an assignment names that they lack. */
  get #roleDefinitions(): readonly RoleDefinition[] {
    const defined = this.roles ?? this.definitions ?? DEFAULT_ROLES;
    const known = new Set(defined.map((d) => d.key));
    const extra: RoleDefinition[] = [];
    for (const a of this.confirmed.values()) {
      if (known.has(a.role)) continue;
      known.add(a.role);
      extra.push({ key: a.role, name: { en: a.role }, responsibilities: [], multiple: true, command: false });
    }
    return extra.length ? [...defined, ...extra] : defined;
  }

  /** Every assignment as it will be once the changes under way are saved. */
  get #assignments(): RoleAssignment[] {
    const steps = this.pending.flatMap((change) => change.steps.slice(change.done));
    return applySteps([...this.confirmed.values()], steps, this.incidentId.trim(), this.settings.person?.id ?? null);
  }

  get #canEdit(): boolean {
    const adapter = this.source;
    return !!adapter && !this.readonly && can(adapter, 'incidents', 'write') && this.sessionRole !== 'viewer' && this.sessionRole !== null;
  }

  #personName(id: Id): string {
    return this.people.find((p) => p.id === id)?.name ?? id;
  }

  #roleName(key: RoleKey): string {
    const definition = this.#roleDefinitions.find((d) => d.key === key);
    return definition ? localize(definition.name, this.settings.locale) : key;
  }

  #plan(move: Move): Plan {
    const current = this.#assignments.filter((a) => a.releasedAt === null);
    return planMove(this.#roleDefinitions, current, move, {
      newId: () => `pending-${this.#nextId++}`,
      now: new Date().toISOString(),
    });
  }

  /** Names of people and roles, for the words the board says (words.ts). */
  readonly #names: RoleNames = {
    person: (id) => this.#personName(id),
    role: (key) => this.#roleName(key),
  };

  #formatTime(iso: string): string {
    return this.#times.format(iso, this.settings.locale, this.settings.timeZone);
  }

  /** What dropping the carried person on `role` would do, in words (the drop target's description). */
  #dropHint(carried: Carried, role: RoleKey): string {
    return dropHintText(this.#names, carried.personId, this.#plan({ ...carried, role }));
  }

  // Changes -----------------------------------------------------------------------------------

  /** Shows the plan at once, then saves it step by step; undoes it and says why if that fails. */
  async #apply(plan: Plan | { ok: true; kind: 'release'; steps: readonly Step[]; assignment: RoleAssignment }): Promise<void> {
    if (!plan.ok) {
      if (plan.reason !== 'unknown') this.#announcer.announce(msg('Nothing changed: that person already holds this role.', { desc: 'Role board: a move that changes nothing' }));
      return;
    }
    const adapter = this.source;
    const incidentId = this.incidentId.trim();
    if (!adapter || !incidentId) return;
    const change: PendingChange = { steps: plan.steps, done: 0 };
    this.pending = [...this.pending, change];
    this.failure = null;
    const finish = (): void => {
      this.pending = this.pending.filter((c) => c !== change);
    };
    try {
      for (const step of plan.steps) {
        const detail = await this.#save(adapter, incidentId, step);
        if (adapter !== this.source || incidentId !== this.incidentId.trim()) return;
        this.#confirm(detail.released ? [detail.released, detail.assignment] : [detail.assignment]);
        change.done += 1;
        this.pending = [...this.pending];
        this.dispatchEvent(new CustomEvent<RoleChangeDetail>('hansei-role-change', { detail, bubbles: true, composed: true }));
      }
      finish();
      if (plan.kind === 'release') {
        const person = this.#personName(plan.assignment.personId);
        const role = this.#roleName(plan.assignment.role);
        this.#announcer.announce(msg(str`${person} released ${role}.`, { desc: 'Role board: someone left a role, with no successor' }));
      } else {
        this.#announcer.announce(outcomeText(this.#names, plan));
      }
    } catch (error) {
      if (isQueuedWrite(error) && adapter === this.source && incidentId === this.incidentId.trim()) {
        await this.#queue(adapter, incidentId, change, error, finish);
        return;
      }
      finish();
      if (adapter !== this.source || incidentId !== this.incidentId.trim()) return;
      const reason = errorText(error);
      const conflict = isConflict(error);
      if (conflict || change.done > 0) await this.#reloadRoles();
      this.failure = conflict
        ? msg(str`Someone else changed the roles first: ${reason} The board now shows the roles as they are; try again if you still need to.`, {
            desc: 'Role board: a change refused because of another change',
          })
        : msg(str`The change was not saved: ${reason} The board shows the roles as they were.`, { desc: 'Role board: a change refused by the adapter' });
      this.#announcer.announce(this.failure, 'assertive');
      this.dispatchEvent(new CustomEvent<RoleErrorDetail>('hansei-role-error', { detail: { incidentId, error }, bubbles: true, composed: true }));
    }
  }

  /**
   * Offline: the step that was queued, and the rest of the change behind it, wait in the outbox;
   * the board shows the change as under way until it is sent, then reads the roles again.
   */
  async #queue(adapter: HanseiAdapter, incidentId: Id, change: PendingChange, first: QueuedWrite, finish: () => void): Promise<void> {
    const ids = [first.entryId];
    for (const step of change.steps.slice(change.done + 1)) {
      try {
        await this.#save(adapter, incidentId, step);
      } catch (error) {
        if (!isQueuedWrite(error)) break;
        ids.push(error.entryId);
      }
    }
    this.queued += 1;
    this.#announcer.announce(queuedWords());
    const outcome = await followQueued(adapter, ids);
    this.queued -= 1;
    finish();
    if (adapter !== this.source || incidentId !== this.incidentId.trim()) return;
    await this.#reloadRoles();
    if (outcome.outcome === 'sent') this.#announcer.announce(queuedSentWords());
    else {
      this.failure = `${queuedFailedWords(outcome)} ${msg('The board shows the roles as they are now.', { desc: 'Role board: after a change made offline was refused' })}`;
      this.#announcer.announce(this.failure, 'assertive');
    }
  }

  async #save(adapter: HanseiAdapter, incidentId: Id, step: Step): Promise<RoleChangeDetail> {
    switch (step.kind) {
      case 'assign': {
        const assignment = await adapter.assignRole(incidentId, { role: step.role, personId: step.personId });
        return { incidentId, kind: 'assigned', assignment, released: null };
      }
      case 'handOff': {
        const answer = await adapter.handOffRole(incidentId, { assignmentId: step.assignmentId, personId: step.personId });
        return { incidentId, kind: 'handed-off', assignment: answer.assignment, released: answer.released };
      }
      case 'release': {
        const assignment = await adapter.releaseRole(incidentId, { assignmentId: step.assignmentId });
        return { incidentId, kind: 'released', assignment, released: null };
      }
    }
  }

  #release(assignment: RoleAssignment): void {
    void this.#apply({ ok: true, kind: 'release', steps: [{ kind: 'release', assignmentId: assignment.id, at: new Date().toISOString() }], assignment });
  }

  // Keyboard and pointer ----------------------------------------------------------------------

  #pickUp(carried: Carried): void {
    if (this.carried && this.carried.personId === carried.personId && this.carried.fromAssignmentId === carried.fromAssignmentId) {
      this.#cancelCarry(true);
      return;
    }
    this.carried = carried;
    this.#menus.close();
    const definitions = this.#roleDefinitions;
    const first = definitions.find((d) => this.#plan({ ...carried, role: d.key }).ok) ?? definitions[0];
    this.target = first?.key ?? null;
    if (this.target !== null) this.#focusAfterUpdate = [`li[data-role="${CSS.escape(this.target)}"]`];
    const person = this.#personName(carried.personId);
    this.#announcer.announce(
      msg(str`Picked up ${person}. Use the arrow keys to choose a role, Enter to drop, Escape to cancel.`, { desc: 'Role board: keyboard move started' }),
    );
  }

  #cancelCarry(refocus: boolean): void {
    const carried = this.carried;
    if (!carried) return;
    this.carried = null;
    this.target = null;
    if (refocus) this.#focusAfterUpdate = [this.#chipSelector(carried)];
    this.#announcer.announce(msg(str`Cancelled. ${this.#personName(carried.personId)} was not moved.`, { desc: 'Role board: keyboard move cancelled' }));
  }

  #dropCarried(role: RoleKey): void {
    const carried = this.carried;
    if (!carried) return;
    const plan = this.#plan({ ...carried, role });
    if (!plan.ok) {
      this.#announcer.announce(this.#dropHint(carried, role));
      return;
    }
    this.carried = null;
    this.target = null;
    void this.#apply(plan);
  }

  #chipSelector(carried: Carried): string {
    return `[data-person="${CSS.escape(carried.personId)}"][data-assignment="${CSS.escape(carried.fromAssignmentId ?? '')}"] .grab`;
  }

  #onBoardKeydown = (event: KeyboardEvent): void => {
    if (!this.carried) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      this.#cancelCarry(true);
      return;
    }
    const card = event.composedPath()[0];
    if (!(card instanceof HTMLElement) || card.localName !== 'li' || card.dataset['role'] === undefined) return;
    const keys = this.#roleDefinitions.map((d) => d.key);
    const index = keys.indexOf(card.dataset['role']);
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowRight':
        next = (index + 1) % keys.length;
        break;
      case 'ArrowUp':
      case 'ArrowLeft':
        next = (index - 1 + keys.length) % keys.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = keys.length - 1;
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.#dropCarried(card.dataset['role']);
        return;
      default:
        return;
    }
    event.preventDefault();
    const key = keys[next];
    if (key === undefined) return;
    this.target = key;
    this.#focusAfterUpdate = [`li[data-role="${CSS.escape(key)}"]`];
  };

  #onBoardFocusIn = (event: FocusEvent): void => {
    if (!this.carried) return;
    const card = event.composedPath()[0];
    if (card instanceof HTMLElement && card.localName === 'li' && card.dataset['role'] !== undefined) this.target = card.dataset['role'];
  };

  #onBoardFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget;
    const inside = next instanceof Node && (this.shadowRoot?.contains(next) ?? false);
    if (!inside && next !== null && this.carried) this.#cancelCarry(false);
  };

  #onRoleClick(event: MouseEvent, role: RoleKey): void {
    if (!this.carried) return;
    const interactive = event.composedPath().some((node) => node instanceof HTMLElement && (node.localName === 'button' || node.localName === 'summary' || node.localName === 'a'));
    if (!interactive) this.#dropCarried(role);
  }

  #onDragStart(event: DragEvent, carried: Carried): void {
    if (!this.#canEdit || !this.#disconnectDrag) {
      event.preventDefault();
      return;
    }
    this.carried = null;
    this.#menus.close();
    this.dragged = carried;
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
    let started = false;
    try {
      started = startShadowDrag(this, this.#dragBoard, carried);
    } catch (error) {
      console.warn('hansei-role-board: the drag could not start; use the keyboard or the menus.', error);
    }
    if (!started) {
      event.preventDefault();
      this.dragged = null;
    }
  }

  // Menus -------------------------------------------------------------------------------------

  /** Menu items that move `carried` into each role they can go to. */
  #moveItems(carried: Carried, wording: 'assign' | 'move'): MenuItem[] {
    const items: MenuItem[] = [];
    for (const definition of this.#roleDefinitions) {
      const plan = this.#plan({ ...carried, role: definition.key });
      if (!plan.ok) continue;
      const role = localize(definition.name, this.settings.locale);
      const target =
        plan.kind === 'handOff' && plan.previous
          ? msg(str`${role} (take over from ${this.#personName(plan.previous.personId)})`, { desc: 'Role board menu: a role someone else holds alone' })
          : role;
      items.push({
        label: wording === 'move' ? msg(str`Move to ${target}`, { desc: 'Role board menu: move a holder to another role' }) : target,
        run: () => void this.#apply(this.#plan({ ...carried, role: definition.key })),
      });
    }
    return items;
  }

  // Rendering ---------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    return html`${this.#announcer.render()}${this.#renderContent()}`;
  }

  #renderContent(): TemplateResult {
    if (!this.source) return this.renderMissingAdapter();
    if (!this.incidentId.trim()) {
      return html`<p part="message" class="note" role="note">
        ${msg('No incident to show: set the incident-id attribute.', { desc: 'Role board without an incident id' })}
      </p>`;
    }
    if (this.loadState === 'error') {
      return html`<div part="message" class="message error" role="alert">
        <p>${msg(str`The roles could not be loaded: ${errorText(this.loadError)}`, { desc: 'Role board: loading failed' })}</p>
        <button type="button" class="action" @click=${() => {
          this.#loadedFor = null;
          this.requestUpdate();
        }}>${msg('Try again', { id: 'role-board.retry', desc: 'Role board: retry loading' })}</button>
      </div>`;
    }
    if (this.loadState !== 'ready') {
      return html`<div part="base" class="board" aria-busy="true">
        <p class="note" role="status">${msg('Loading roles…', { desc: 'Role board: loading' })}</p>
      </div>`;
    }
    return this.#renderBoard();
  }

  #renderBoard(): TemplateResult {
    const canEdit = this.#canEdit;
    const definitions = this.#roleDefinitions;
    const assignments = this.#assignments;
    const current = assignments.filter((a) => a.releasedAt === null);
    const incident = this.incident;
    const guideline = this.settings.guideline;
    const severity = incident?.severity ?? null;
    const missing = missingNow({
      definitions,
      assignments,
      serverMissing: this.serverMissing,
      guideline,
      severity,
      open: incident ? isOpen(incident) : true,
    });
    let required: readonly RoleKey[] = [];
    let rank = Infinity;
    if (severity !== null) {
      try {
        required = requiredRoles(guideline, severity);
        rank = guideline.levels.find((l) => l.code === severity)?.rank ?? Infinity;
      } catch {
        required = [];
      }
    }
    const severe = rank === (guideline.levels[0]?.rank ?? 1);
    const listFormat = new Intl.ListFormat(this.settings.locale, { type: 'conjunction' });
    const missingNames = listFormat.format(missing.map((key) => this.#roleName(key)));
    return html`<section
      part="base"
      class="board ${this.carried ? 'carrying' : ''}"
      aria-labelledby="title"
      aria-busy=${this.pending.length > 0 ? 'true' : 'false'}
      @keydown=${this.#onBoardKeydown}
      @focusin=${this.#onBoardFocusIn}
      @focusout=${this.#onBoardFocusOut}
    >
      <header class="head">
        <h2 id="title" part="title">${msg('Incident roles', { desc: 'Role board heading' })}</h2>
        ${incident
          ? html`<p class="meta">
              <span class="severity">${incident.severity}</span>
              <span>${incidentStatusWords(incident.status)}</span>
            </p>`
          : nothing}
      </header>
      ${missing.length > 0
        ? html`<p part="missing" class="missing-banner ${severe ? 'severe' : ''}">
            <svg class="warn" viewBox="0 0 16 16" aria-hidden="true" focusable="false">${warningIcon}</svg>
            <span>${msg(str`${severity ?? ''} requires someone in: ${missingNames}.`, { desc: 'Role board: required roles nobody holds, after the severity code' })}</span>
          </p>`
        : nothing}
      ${renderQueued(this.queued > 0 ? queuedWords() : '')}
      ${this.failure
        ? html`<div part="message" class="message error">
            <p>${this.failure}</p>
            <button type="button" class="action" @click=${() => (this.failure = null)}>${msg('Dismiss', { id: 'role-board.dismiss', desc: 'Role board: hide the error message' })}</button>
          </div>`
        : nothing}
      ${canEdit
        ? html`<p id="instructions" part="instructions" class="hint">
            ${msg(
              'Drag a person onto a role, or use the keyboard: Enter or Space picks a person up, the arrow keys choose a role, Enter drops, Escape cancels. Every person and role also has a menu.',
              { desc: 'Role board: how to move people' },
            )}
          </p>`
        : html`<p class="hint" role="note">${msg('You can see the roles but not change them.', { desc: 'Role board: read-only' })}</p>`}
      <div class="layout">
        <ul class="roles" part="roles" aria-label=${msg('Roles', { id: 'role-board.roles', desc: 'Role board: label of the list of roles' })}>
          ${definitions.map((definition, index) =>
            this.#renderRole(definition, index, assignments, current, {
              canEdit,
              missing: missing.includes(definition.key),
              required: required.includes(definition.key),
              severity,
              severe,
            }),
          )}
        </ul>
        ${renderPeople({
          people: this.people,
          current,
          filter: this.filter,
          locale: this.settings.locale,
          roleName: (key) => this.#roleName(key),
          setFilter: (filter) => (this.filter = filter),
          chip: (personId) => this.#renderChip(personId, null, canEdit, false),
        })}
      </div>
    </section>`;
  }

  #renderRole(
    definition: RoleDefinition,
    index: number,
    assignments: readonly RoleAssignment[],
    current: readonly RoleAssignment[],
    flags: { canEdit: boolean; missing: boolean; required: boolean; severity: string | null; severe: boolean },
  ): TemplateResult {
    const locale = this.settings.locale;
    const key = definition.key;
    const name = localize(definition.name, locale);
    const holders = current.filter((a) => a.role === key);
    const history = assignments.filter((a) => a.role === key).sort((a, b) => a.assignedAt.localeCompare(b.assignedAt));
    const over = this.target === key && (this.carried !== null || this.dragged !== null);
    const carried = this.carried;
    const pendingIds = new Set(this.pending.flatMap((c) => c.steps.slice(c.done).flatMap((s) => (s.kind === 'release' ? [s.assignmentId] : s.kind === 'handOff' ? [s.assignmentId, s.tempId] : [s.tempId]))));
    const busy = holders.some((a) => pendingIds.has(a.id)) || history.some((a) => pendingIds.has(a.id));
    const parts = ['role', flags.missing ? 'role-missing' : '', over ? 'role-over' : ''].filter(Boolean).join(' ');
    const single = !definition.multiple;
    const roleMenu = flags.canEdit
      ? this.#menus.render(
          `r${index}`,
          {
            text:
              single && holders.length > 0
                ? msg('Hand off…', { id: 'role-board.hand-off-button', desc: 'Role board: menu button of a held role' })
                : msg('Assign…', { id: 'role-board.assign-button', desc: 'Role board: menu button that assigns a role' }),
            context: name,
            menu:
              single && holders[0]
                ? msg(str`Hand off ${name} to`, { desc: 'Role board: label of the hand-off menu of a role' })
                : msg(str`Assign ${name} to`, { desc: 'Role board: label of an assign menu (a role or a person)' }),
          },
          () =>
            this.people
              .filter((person) => !holders.some((a) => a.personId === person.id))
              .map((person) => ({
                label: person.name,
                run: () => void this.#apply(this.#plan({ personId: person.id, fromAssignmentId: null, role: key })),
              })),
        )
      : nothing;
    return html`<li
      class="role ${flags.missing ? 'missing' : ''} ${flags.missing && flags.severe ? 'severe' : ''} ${over ? 'over' : ''}"
      part=${parts}
      data-role=${key}
      tabindex=${carried ? '0' : '-1'}
      aria-labelledby="role-${index}"
      aria-describedby=${ifDefined(carried ? `hint-${index}` : undefined)}
      aria-busy=${busy ? 'true' : 'false'}
      @click=${(e: MouseEvent) => this.#onRoleClick(e, key)}
    >
      <div class="role-head">
        <h3 id="role-${index}" class="role-name">${name}</h3>
        ${definition.command ? html`<span class="tag">${msg('Command', { id: 'role-board.command', desc: 'Role board: tag of the command role' })}</span>` : nothing}
        ${flags.required && flags.severity !== null
          ? html`<span class="tag ${flags.missing ? 'tag-missing' : ''}">${msg(str`Required for ${flags.severity}`, { desc: 'Role board: tag of a role the severity requires' })}</span>`
          : nothing}
      </div>
      ${carried ? html`<span id="hint-${index}" class="visually-hidden">${this.#dropHint(carried, key)}</span>` : nothing}
      ${flags.missing
        ? html`<p class="flag">
            <svg class="warn" viewBox="0 0 16 16" aria-hidden="true" focusable="false">${warningIcon}</svg>
            ${msg(str`Nobody holds this role, and ${flags.severity ?? ''} requires it.`, { desc: 'Role board: a required role is empty' })}
          </p>`
        : nothing}
      ${holders.length > 0
        ? html`<ul class="holders" aria-label=${msg(str`Holding ${name}`, { desc: 'Role board: label of the list of holders of a role' })}>
            ${holders.map((a) => html`<li>${this.#renderChip(a.personId, a, flags.canEdit, pendingIds.has(a.id))}</li>`)}
          </ul>`
        : flags.missing
          ? nothing
          : html`<p class="empty">${msg('Nobody holds this role.', { desc: 'Role board: an empty role' })}</p>`}
      ${roleMenu}
      ${definition.responsibilities.length > 0
        ? html`<details class="duties" part="responsibilities" open>
            <summary>${msg('Responsibilities', { id: 'role-board.responsibilities', desc: 'Role board: what a role does' })}</summary>
            <ul>
              ${definition.responsibilities.map((r) => html`<li>${localize(r, locale)}</li>`)}
            </ul>
          </details>`
        : nothing}
      ${history.length > 0 ? renderHistory(history, assignments, this.#names, (iso) => this.#formatTime(iso)) : nothing}
    </li>`;
  }

  /** One person, draggable and with a menu when the board can change. */
  #renderChip(personId: Id, assignment: RoleAssignment | null, canEdit: boolean, saving: boolean): TemplateResult {
    const name = this.#personName(personId);
    const carried: Carried = { personId, fromAssignmentId: assignment?.id ?? null };
    const isCarried = this.carried?.personId === personId && this.carried.fromAssignmentId === carried.fromAssignmentId;
    const isDragged = this.dragged?.personId === personId && this.dragged.fromAssignmentId === carried.fromAssignmentId;
    const temporary = assignment?.id.startsWith('pending-') ?? false;
    const editable = canEdit && !temporary;
    let menu: TemplateResult | typeof nothing = nothing;
    if (editable && assignment) {
      const role = this.#roleName(assignment.role);
      menu = this.#menus.render(
        `h-${assignment.id}`,
        {
          text: msg('Change…', { id: 'role-board.change-button', desc: 'Role board: menu button of a role holder' }),
          context: `${name}, ${role}`,
          menu: msg(str`Change the role of ${name} (${role})`, { desc: 'Role board: label of a holder menu' }),
        },
        () => [
          { label: msg(str`Release ${role}`, { desc: 'Role board menu: end the assignment without a successor' }), run: () => this.#release(assignment) },
          ...this.#moveItems(carried, 'move'),
        ],
        [`li[data-role="${CSS.escape(assignment.role)}"]`],
      );
    } else if (editable) {
      menu = this.#menus.render(
        `p-${personId}`,
        {
          text: msg('Assign…', { id: 'role-board.assign-button', desc: 'Role board: menu button that assigns a role' }),
          context: name,
          menu: msg(str`Assign ${name} to`, { desc: 'Role board: label of an assign menu (a role or a person)' }),
        },
        () => this.#moveItems(carried, 'assign'),
      );
    }
    return html`<div
      class="chip ${isCarried || isDragged ? 'carried' : ''} ${saving ? 'saving' : ''}"
      part="person"
      draggable=${ifDefined(editable ? 'true' : undefined)}
      data-person=${personId}
      data-assignment=${assignment?.id ?? ''}
      @dragstart=${(e: DragEvent) => this.#onDragStart(e, carried)}
    >
      ${editable
        ? html`<svg class="grip" viewBox="0 0 16 16" aria-hidden="true" focusable="false">${gripIcon}</svg>
            <button type="button" class="grab" aria-pressed=${isCarried ? 'true' : 'false'} aria-describedby="instructions" @click=${() => this.#pickUp(carried)}>
              ${name}
            </button>`
        : html`<span class="name">${name}</span>`}
      ${assignment
        ? html`<time class="since" datetime=${assignment.assignedAt}>${since(this.#formatTime(assignment.assignedAt))}</time>`
        : nothing}
      ${saving ? html`<span class="saving-text">${msg('Saving…', { id: 'role-board.saving', desc: 'Role board: a change not yet confirmed' })}</span>` : nothing}
      ${menu}
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const selectors = this.#focusAfterUpdate;
    if (selectors.length === 0) return;
    this.#focusAfterUpdate = [];
    focusFirst(this.shadowRoot, selectors);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hansei-role-board': HanseiRoleBoard;
  }
  interface HTMLElementEventMap {
    'hansei-role-change': CustomEvent<RoleChangeDetail>;
    'hansei-role-error': CustomEvent<RoleErrorDetail>;
  }
}
