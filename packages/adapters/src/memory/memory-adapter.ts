/**
 * `MemoryAdapter`: the whole Hansei backend in memory, seeded from the same demo dataset as the
 * reference server, for stories, tests and embedding demos. It follows the server's rules
 * exactly (validation with the same field paths, versions and conflicts, 404s and 409s, roles,
 * the status times and component statuses incidents and maintenances set, the timeline the
 * server writes itself, role hand-offs, board ranks, postmortem publishing, SLO reports,
 * insights, list order and cursors, idempotency keys, live changes by audience), so the shared
 * behavioural suite (`@hansei/adapters/testing`) passes against both.
 *
 * Options let stories show every state: `latencyMs` for loading, `failWith` for errors, `role`
 * for what a viewer, responder, admin or anonymous reader sees, `dataset: 'empty'` for empty
 * states. Everything it returns is frozen: callers cannot change the store by accident.
 *
 * @example
 * ```ts
 * import { MemoryAdapter } from '@hansei/adapters/memory';
 * const adapter = new MemoryAdapter({ role: 'responder', latencyMs: 300 });
 * provider.adapter = adapter;
 * const reader = adapter.as(null); // the same data, as an anonymous reader sees it
 * ```
 */
import { demoDataset, type DemoDataset, type Id, type TokenRole } from '@hansei/core';
import type {
  AdapterCapabilities,
  CallOptions,
  Change,
  CreateOptions,
  HanseiAdapter,
  SubscribeOptions,
  UptimeOptions,
} from '../adapter.js';
import { AREAS } from '../adapter.js';
import type { HanseiError } from '../errors.js';
import * as actions from './actions.js';
import * as components from './components.js';
import type { Caller, Ctx } from './context.js';
import * as incidents from './incidents.js';
import * as insights from './insights.js';
import * as maintenances from './maintenances.js';
import * as people from './people.js';
import * as postmortems from './postmortems.js';
import { incidentTemplates, postmortemTemplates } from './templates.js';
import { aborted, badRequest, forbidden, problem, timedOut, unauthorized } from './problems.js';
import * as roles from './roles.js';
import * as settings from './settings.js';
import * as slos from './slos.js';
import { deepFreeze } from './state.js';
import { status } from './status.js';
import { MemoryStore } from './store.js';

/** One call, as `failWith` sees it. */
export interface MemoryCall {
  /** The adapter method, e.g. `declareIncident`. */
  readonly method: keyof HanseiAdapter;
  /** Its arguments, options included. */
  readonly args: readonly unknown[];
}

export interface MemoryAdapterOptions {
  /** The clock, epoch milliseconds (default `Date.now`). Every time the backend stamps comes from it. */
  readonly now?: () => number;
  /** What the backend holds at first: a demo dataset, `'empty'`, or (default) the demo for the clock's now. */
  readonly dataset?: DemoDataset | 'empty';
  /** Who calls: a token role, or null for an anonymous reader (default `'admin'`). */
  readonly role?: TokenRole | null;
  /** Milliseconds every call takes before it answers (default 0), to show loading states. */
  readonly latencyMs?: number;
  /**
   * Decides per call whether it fails: return a `HanseiError` to reject with it (after the
   * latency), or nothing to let the call through. For stories and tests of error states.
   */
  readonly failWith?: (call: MemoryCall) => HanseiError | null | undefined;
}

type Access = 'public' | TokenRole;

const ROLE_RANK: Readonly<Record<TokenRole, number>> = { viewer: 1, responder: 2, admin: 3 };

const CAPABILITIES: AdapterCapabilities = Object.freeze({
  read: Object.freeze([...AREAS]),
  write: Object.freeze(['status', 'incidents', 'postmortems', 'actions', 'slos', 'people', 'settings'] as const),
  live: true,
});

/** Waits `ms`, ending early when `signal` aborts (rejects `aborted`) or `timeoutMs` passes (rejects `timeout`). */
function wait(ms: number, options: CallOptions | undefined): Promise<void> {
  const { signal, timeoutMs } = options ?? {};
  if (signal?.aborted) return Promise.reject(aborted(signal.reason));
  const times = timeoutMs !== undefined && timeoutMs < ms;
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: HanseiError) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve();
    };
    const onAbort = () => done(aborted(signal?.reason));
    const timer = setTimeout(() => done(times ? timedOut(timeoutMs) : undefined), times ? timeoutMs : ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The in-memory adapter. */
export class MemoryAdapter implements HanseiAdapter {
  readonly capabilities: AdapterCapabilities = CAPABILITIES;
  /** Who this adapter calls as (null: anonymous). */
  readonly role: TokenRole | null;
  readonly #store: MemoryStore;
  readonly #options: MemoryAdapterOptions;

  constructor(options: MemoryAdapterOptions = {}, store?: MemoryStore) {
    this.#options = options;
    this.role = options.role === undefined ? 'admin' : options.role;
    const now = options.now ?? Date.now;
    this.#store = store ?? new MemoryStore({ now, dataset: options.dataset ?? demoDataset({ now: Math.floor(now()) }) });
  }

  /** An adapter on the same data acting as `role` (null: anonymous), with the same latency and failures. */
  as(role: TokenRole | null): MemoryAdapter {
    return new MemoryAdapter({ ...this.#options, role }, this.#store);
  }

  /** Who calls: the token of the role, or null; a revoked token cannot call at all (401). */
  #caller(): Caller | null {
    if (this.role === null) return null;
    const role = this.role;
    const token = this.#store.state.tokens.find((t) => t.id === `tok_memory_${role}`);
    if (!token || token.revokedAt !== null) throw unauthorized('This token is unknown or has been revoked. Ask an admin for a new one.');
    return { role, tokenId: token.id, name: token.name };
  }

  /**
   * Runs one call the way the server runs a request: wait the latency, apply `failWith`, check
   * the token and its role against `access`, then run `op` (a write inside a transaction, a create
   * once per idempotency key) and freeze what it returns.
   */
  async #call<T>(method: keyof HanseiAdapter, args: readonly unknown[], access: Access, options: CallOptions | CreateOptions | undefined, op: (ctx: Ctx) => T, kind: 'read' | 'write' | 'create' = 'read'): Promise<T> {
    await wait(this.#options.latencyMs ?? 0, options);
    const failure = this.#options.failWith?.({ method, args });
    if (failure) throw failure;
    const caller = this.#caller();
    if (access !== 'public') {
      if (!caller) throw unauthorized('This needs a bearer token: send Authorization: Bearer <token> (create one with `hansei token create`).');
      if (ROLE_RANK[caller.role] < ROLE_RANK[access]) throw forbidden(`This needs the ${access} role; your token has the ${caller.role} role.`);
    }
    const ctx: Ctx = { store: this.#store, caller };
    if (kind === 'read') return deepFreeze(op(ctx));
    const key = kind === 'create' && options && 'idempotencyKey' in options ? options.idempotencyKey : undefined;
    if (key === undefined) return deepFreeze(this.#store.transaction(() => op(ctx)));
    if (key.length === 0 || key.length > 200 || !/^[\x21-\x7e]+$/.test(key)) {
      throw badRequest('The Idempotency-Key header must be 1 to 200 visible ASCII characters (a UUID is a good choice).');
    }
    const request = `${method}\n${JSON.stringify(args.slice(0, -1))}`;
    const reused = () =>
      problem(422, 'idempotency-key-reused', 'Idempotency-Key reused', 'This Idempotency-Key was already used for a different request. Use a new key for a new request.');
    return deepFreeze(this.#store.once(caller?.tokenId ?? 'anonymous', key, request, () => this.#store.transaction(() => op(ctx)), reused));
  }

  session(options?: CallOptions) {
    return this.#call('session', [options], 'public', options, ({ caller }) => ({ role: caller?.role ?? null, token: caller ? { id: caller.tokenId, name: caller.name } : null }));
  }

  // status ----------------------------------------------------------------------------------
  status(options?: CallOptions) {
    return this.#call('status', [options], 'public', options, status);
  }
  uptime(options?: UptimeOptions) {
    return this.#call('uptime', [options], 'public', options, (ctx) => components.uptime(ctx, { ...(options?.days !== undefined ? { days: options.days } : {}), ...(options?.timeZone !== undefined ? { timeZone: options.timeZone } : {}) }));
  }
  listComponents(options?: CallOptions) {
    return this.#call('listComponents', [options], 'public', options, components.listComponents);
  }
  listComponentGroups(options?: CallOptions) {
    return this.#call('listComponentGroups', [options], 'public', options, components.listComponentGroups);
  }
  listIncidents(query?: Parameters<HanseiAdapter['listIncidents']>[0], options?: CallOptions) {
    return this.#call('listIncidents', [query, options], 'public', options, (ctx) => incidents.listIncidents(ctx, query));
  }
  getIncident(id: Id, options?: CallOptions) {
    return this.#call('getIncident', [id, options], 'public', options, (ctx) => incidents.getIncident(ctx, id));
  }
  listMaintenances(query?: Parameters<HanseiAdapter['listMaintenances']>[0], options?: CallOptions) {
    return this.#call('listMaintenances', [query, options], 'public', options, (ctx) => maintenances.listMaintenances(ctx, query));
  }
  getMaintenance(id: Id, options?: CallOptions) {
    return this.#call('getMaintenance', [id, options], 'public', options, (ctx) => maintenances.getMaintenance(ctx, id));
  }
  getPostmortemSummary(incidentId: Id, options?: CallOptions) {
    return this.#call('getPostmortemSummary', [incidentId, options], 'public', options, (ctx) => postmortems.getPostmortemSummary(ctx, incidentId));
  }

  // incident work ---------------------------------------------------------------------------
  declareIncident(input: Parameters<HanseiAdapter['declareIncident']>[0], options?: CreateOptions) {
    return this.#call('declareIncident', [input, options], 'responder', options, (ctx) => incidents.declareIncident(ctx, input), 'create');
  }
  updateIncident(id: Id, patch: Parameters<HanseiAdapter['updateIncident']>[1], version: number, options?: CallOptions) {
    return this.#call('updateIncident', [id, patch, version, options], 'responder', options, (ctx) => incidents.updateIncident(ctx, id, patch, version), 'write');
  }
  postIncidentUpdate(id: Id, input: Parameters<HanseiAdapter['postIncidentUpdate']>[1], options?: CreateOptions) {
    return this.#call('postIncidentUpdate', [id, input, options], 'responder', options, (ctx) => incidents.postIncidentUpdate(ctx, id, input), 'create');
  }
  listTimeline(incidentId: Id, options?: CallOptions) {
    return this.#call('listTimeline', [incidentId, options], 'viewer', options, (ctx) => incidents.listTimeline(ctx, incidentId));
  }
  addTimelineEvent(incidentId: Id, input: Parameters<HanseiAdapter['addTimelineEvent']>[1], options?: CreateOptions) {
    return this.#call('addTimelineEvent', [incidentId, input, options], 'responder', options, (ctx) => incidents.addTimelineEvent(ctx, incidentId, input), 'create');
  }
  listIncidentRoles(incidentId: Id, options?: CallOptions) {
    return this.#call('listIncidentRoles', [incidentId, options], 'viewer', options, (ctx) => roles.listIncidentRoles(ctx, incidentId));
  }
  assignRole(incidentId: Id, input: Parameters<HanseiAdapter['assignRole']>[1], options?: CreateOptions) {
    return this.#call('assignRole', [incidentId, input, options], 'responder', options, (ctx) => roles.assignRole(ctx, incidentId, input), 'create');
  }
  handOffRole(incidentId: Id, input: Parameters<HanseiAdapter['handOffRole']>[1], options?: CreateOptions) {
    return this.#call('handOffRole', [incidentId, input, options], 'responder', options, (ctx) => roles.handOffRole(ctx, incidentId, input), 'create');
  }
  releaseRole(incidentId: Id, input: Parameters<HanseiAdapter['releaseRole']>[1], options?: CallOptions) {
    return this.#call('releaseRole', [incidentId, input, options], 'responder', options, (ctx) => roles.releaseRole(ctx, incidentId, input), 'write');
  }
  linkIncident(incidentId: Id, link: Parameters<HanseiAdapter['linkIncident']>[1], options?: CallOptions) {
    return this.#call('linkIncident', [incidentId, link, options], 'responder', options, (ctx) => incidents.linkIncident(ctx, incidentId, link), 'write');
  }
  unlinkIncident(incidentId: Id, relatedId: Id, version: number, options?: CallOptions) {
    return this.#call('unlinkIncident', [incidentId, relatedId, version, options], 'responder', options, (ctx) => incidents.unlinkIncident(ctx, incidentId, relatedId, version), 'write');
  }
  listIncidentTemplates(options?: CallOptions) {
    return this.#call('listIncidentTemplates', [options], 'viewer', options, (ctx) => incidentTemplates.list(ctx));
  }
  getIncidentTemplate(id: Id, options?: CallOptions) {
    return this.#call('getIncidentTemplate', [id, options], 'viewer', options, (ctx) => incidentTemplates.get(ctx, id));
  }
  createIncidentTemplate(input: Parameters<HanseiAdapter['createIncidentTemplate']>[0], options?: CreateOptions) {
    return this.#call('createIncidentTemplate', [input, options], 'admin', options, (ctx) => incidentTemplates.create(ctx, input), 'create');
  }
  updateIncidentTemplate(id: Id, patch: Parameters<HanseiAdapter['updateIncidentTemplate']>[1], version: number, options?: CallOptions) {
    return this.#call('updateIncidentTemplate', [id, patch, version, options], 'admin', options, (ctx) => incidentTemplates.update(ctx, id, patch, version), 'write');
  }
  deleteIncidentTemplate(id: Id, version: number, options?: CallOptions) {
    return this.#call('deleteIncidentTemplate', [id, version, options], 'admin', options, (ctx) => incidentTemplates.remove(ctx, id, version), 'write');
  }

  // maintenances ----------------------------------------------------------------------------
  scheduleMaintenance(input: Parameters<HanseiAdapter['scheduleMaintenance']>[0], options?: CreateOptions) {
    return this.#call('scheduleMaintenance', [input, options], 'responder', options, (ctx) => maintenances.scheduleMaintenance(ctx, input), 'create');
  }
  updateMaintenance(id: Id, patch: Parameters<HanseiAdapter['updateMaintenance']>[1], version: number, options?: CallOptions) {
    return this.#call('updateMaintenance', [id, patch, version, options], 'responder', options, (ctx) => maintenances.updateMaintenance(ctx, id, patch, version), 'write');
  }
  postMaintenanceUpdate(id: Id, input: Parameters<HanseiAdapter['postMaintenanceUpdate']>[1], options?: CreateOptions) {
    return this.#call('postMaintenanceUpdate', [id, input, options], 'responder', options, (ctx) => maintenances.postMaintenanceUpdate(ctx, id, input), 'create');
  }
  deleteMaintenance(id: Id, version: number, options?: CallOptions) {
    return this.#call('deleteMaintenance', [id, version, options], 'admin', options, (ctx) => maintenances.deleteMaintenance(ctx, id, version), 'write');
  }

  // postmortems -----------------------------------------------------------------------------
  listPostmortems(query?: Parameters<HanseiAdapter['listPostmortems']>[0], options?: CallOptions) {
    return this.#call('listPostmortems', [query, options], 'viewer', options, (ctx) => postmortems.listPostmortems(ctx, query));
  }
  getPostmortem(id: Id, options?: CallOptions) {
    return this.#call('getPostmortem', [id, options], 'viewer', options, (ctx) => postmortems.getPostmortem(ctx, id));
  }
  createPostmortem(input: Parameters<HanseiAdapter['createPostmortem']>[0], options?: CreateOptions) {
    return this.#call('createPostmortem', [input, options], 'responder', options, (ctx) => postmortems.createPostmortem(ctx, input), 'create');
  }
  updatePostmortem(id: Id, patch: Parameters<HanseiAdapter['updatePostmortem']>[1], version: number, options?: CallOptions) {
    return this.#call('updatePostmortem', [id, patch, version, options], 'responder', options, (ctx) => postmortems.updatePostmortem(ctx, id, patch, version), 'write');
  }
  deletePostmortem(id: Id, version: number, options?: CallOptions) {
    return this.#call('deletePostmortem', [id, version, options], 'admin', options, (ctx) => postmortems.deletePostmortem(ctx, id, version), 'write');
  }
  listPostmortemTemplates(options?: CallOptions) {
    return this.#call('listPostmortemTemplates', [options], 'viewer', options, (ctx) => postmortemTemplates.list(ctx));
  }
  getPostmortemTemplate(id: Id, options?: CallOptions) {
    return this.#call('getPostmortemTemplate', [id, options], 'viewer', options, (ctx) => postmortemTemplates.get(ctx, id));
  }
  createPostmortemTemplate(input: Parameters<HanseiAdapter['createPostmortemTemplate']>[0], options?: CreateOptions) {
    return this.#call('createPostmortemTemplate', [input, options], 'admin', options, (ctx) => postmortemTemplates.create(ctx, input), 'create');
  }
  updatePostmortemTemplate(id: Id, patch: Parameters<HanseiAdapter['updatePostmortemTemplate']>[1], version: number, options?: CallOptions) {
    return this.#call('updatePostmortemTemplate', [id, patch, version, options], 'admin', options, (ctx) => postmortemTemplates.update(ctx, id, patch, version), 'write');
  }
  deletePostmortemTemplate(id: Id, version: number, options?: CallOptions) {
    return this.#call('deletePostmortemTemplate', [id, version, options], 'admin', options, (ctx) => postmortemTemplates.remove(ctx, id, version), 'write');
  }

  // prevention actions ----------------------------------------------------------------------
  listActions(query?: Parameters<HanseiAdapter['listActions']>[0], options?: CallOptions) {
    return this.#call('listActions', [query, options], 'viewer', options, (ctx) => actions.listActions(ctx, query));
  }
  getAction(id: Id, options?: CallOptions) {
    return this.#call('getAction', [id, options], 'viewer', options, (ctx) => actions.getAction(ctx, id));
  }
  createAction(input: Parameters<HanseiAdapter['createAction']>[0], options?: CreateOptions) {
    return this.#call('createAction', [input, options], 'responder', options, (ctx) => actions.createAction(ctx, input), 'create');
  }
  updateAction(id: Id, patch: Parameters<HanseiAdapter['updateAction']>[1], version: number, options?: CallOptions) {
    return this.#call('updateAction', [id, patch, version, options], 'responder', options, (ctx) => actions.updateAction(ctx, id, patch, version), 'write');
  }
  moveAction(id: Id, move: Parameters<HanseiAdapter['moveAction']>[1], version: number, options?: CallOptions) {
    return this.#call('moveAction', [id, move, version, options], 'responder', options, (ctx) => actions.moveAction(ctx, id, move, version), 'write');
  }
  deleteAction(id: Id, version: number, options?: CallOptions) {
    return this.#call('deleteAction', [id, version, options], 'admin', options, (ctx) => actions.deleteAction(ctx, id, version), 'write');
  }

  // SLOs ------------------------------------------------------------------------------------
  listSlos(query?: Parameters<HanseiAdapter['listSlos']>[0], options?: CallOptions) {
    return this.#call('listSlos', [query, options], 'viewer', options, (ctx) => slos.listSlos(ctx, query));
  }
  getSlo(id: Id, options?: CallOptions) {
    return this.#call('getSlo', [id, options], 'viewer', options, (ctx) => slos.getSlo(ctx, id));
  }
  getSloReport(id: Id, options?: CallOptions) {
    return this.#call('getSloReport', [id, options], 'viewer', options, (ctx) => slos.getSloReport(ctx, id));
  }
  createSlo(input: Parameters<HanseiAdapter['createSlo']>[0], options?: CreateOptions) {
    return this.#call('createSlo', [input, options], 'admin', options, (ctx) => slos.createSlo(ctx, input), 'create');
  }
  updateSlo(id: Id, patch: Parameters<HanseiAdapter['updateSlo']>[1], version: number, options?: CallOptions) {
    return this.#call('updateSlo', [id, patch, version, options], 'admin', options, (ctx) => slos.updateSlo(ctx, id, patch, version), 'write');
  }
  deleteSlo(id: Id, version: number, options?: CallOptions) {
    return this.#call('deleteSlo', [id, version, options], 'admin', options, (ctx) => slos.deleteSlo(ctx, id, version), 'write');
  }
  ingestSamples(id: Id, samples: Parameters<HanseiAdapter['ingestSamples']>[1], options?: CallOptions) {
    return this.#call('ingestSamples', [id, samples, options], 'responder', options, (ctx) => slos.ingestSamples(ctx, id, samples), 'write');
  }

  // people ----------------------------------------------------------------------------------
  listPeople(query?: Parameters<HanseiAdapter['listPeople']>[0], options?: CallOptions) {
    return this.#call('listPeople', [query, options], 'viewer', options, (ctx) => people.listPeople(ctx, query));
  }
  getPerson(id: Id, options?: CallOptions) {
    return this.#call('getPerson', [id, options], 'viewer', options, (ctx) => people.getPerson(ctx, id));
  }
  createPerson(input: Parameters<HanseiAdapter['createPerson']>[0], options?: CreateOptions) {
    return this.#call('createPerson', [input, options], 'admin', options, (ctx) => people.createPerson(ctx, input), 'create');
  }
  updatePerson(id: Id, patch: Parameters<HanseiAdapter['updatePerson']>[1], version: number, options?: CallOptions) {
    return this.#call('updatePerson', [id, patch, version, options], 'admin', options, (ctx) => people.updatePerson(ctx, id, patch, version), 'write');
  }
  deletePerson(id: Id, version: number, options?: CallOptions) {
    return this.#call('deletePerson', [id, version, options], 'admin', options, (ctx) => people.deletePerson(ctx, id, version), 'write');
  }

  // insights --------------------------------------------------------------------------------
  metrics(range?: { readonly from?: string; readonly to?: string }, options?: CallOptions) {
    return this.#call('metrics', [range, options], 'viewer', options, (ctx) => insights.metrics(ctx, range ?? {}));
  }
  weeklyReview(week?: string, options?: CallOptions) {
    return this.#call('weeklyReview', [week, options], 'viewer', options, (ctx) => insights.weeklyReview(ctx, week));
  }

  // settings --------------------------------------------------------------------------------
  getSeverityGuideline(options?: CallOptions) {
    return this.#call('getSeverityGuideline', [options], 'viewer', options, settings.getSeverityGuideline);
  }
  replaceSeverityGuideline(input: Parameters<HanseiAdapter['replaceSeverityGuideline']>[0], options?: CallOptions) {
    return this.#call('replaceSeverityGuideline', [input, options], 'admin', options, (ctx) => settings.replaceSeverityGuideline(ctx, input), 'write');
  }
  listRoles(options?: CallOptions) {
    return this.#call('listRoles', [options], 'viewer', options, settings.listRoles);
  }
  replaceRoles(list: Parameters<HanseiAdapter['replaceRoles']>[0], options?: CallOptions) {
    return this.#call('replaceRoles', [list, options], 'admin', options, (ctx) => settings.replaceRoles(ctx, list), 'write');
  }
  getPage(options?: CallOptions) {
    return this.#call('getPage', [options], 'public', options, settings.getPage);
  }
  replacePage(input: Parameters<HanseiAdapter['replacePage']>[0], options?: CallOptions) {
    return this.#call('replacePage', [input, options], 'admin', options, (ctx) => settings.replacePage(ctx, input), 'write');
  }
  createComponent(input: Parameters<HanseiAdapter['createComponent']>[0], options?: CreateOptions) {
    return this.#call('createComponent', [input, options], 'admin', options, (ctx) => components.createComponent(ctx, input), 'create');
  }
  updateComponent(id: Id, patch: Parameters<HanseiAdapter['updateComponent']>[1], version: number, options?: CallOptions) {
    return this.#call('updateComponent', [id, patch, version, options], 'responder', options, (ctx) => components.updateComponent(ctx, id, patch, version), 'write');
  }
  deleteComponent(id: Id, version: number, options?: CallOptions) {
    return this.#call('deleteComponent', [id, version, options], 'admin', options, (ctx) => components.deleteComponent(ctx, id, version), 'write');
  }
  createComponentGroup(input: Parameters<HanseiAdapter['createComponentGroup']>[0], options?: CreateOptions) {
    return this.#call('createComponentGroup', [input, options], 'admin', options, (ctx) => components.createComponentGroup(ctx, input), 'create');
  }
  updateComponentGroup(id: Id, patch: Parameters<HanseiAdapter['updateComponentGroup']>[1], version: number, options?: CallOptions) {
    return this.#call('updateComponentGroup', [id, patch, version, options], 'admin', options, (ctx) => components.updateComponentGroup(ctx, id, patch, version), 'write');
  }
  deleteComponentGroup(id: Id, version: number, options?: CallOptions) {
    return this.#call('deleteComponentGroup', [id, version, options], 'admin', options, (ctx) => components.deleteComponentGroup(ctx, id, version), 'write');
  }
  listTokens(options?: CallOptions) {
    return this.#call('listTokens', [options], 'admin', options, settings.listTokens);
  }
  /** Creates a token. Like the server, never idempotent: replaying the answer would mean keeping the secret. */
  createToken(input: Parameters<HanseiAdapter['createToken']>[0], options?: CreateOptions) {
    return this.#call('createToken', [input, options], 'admin', options, (ctx) => settings.createToken(ctx, input), 'write');
  }
  revokeToken(id: Id, options?: CallOptions) {
    return this.#call('revokeToken', [id, options], 'admin', options, (ctx) => settings.revokeToken(ctx, id), 'write');
  }

  // live ------------------------------------------------------------------------------------
  /**
   * Delivers every change this adapter's role may see (anonymous: public changes only), in a
   * microtask after the write that made it, until `options.signal` aborts or the returned
   * function is called. Reports `connecting`, then `open`, then `closed`.
   */
  subscribe(listener: (change: Change) => void, options: SubscribeOptions = {}): () => void {
    const { signal, onState } = options;
    if (signal?.aborted) {
      onState?.({ state: 'closed' });
      return () => {};
    }
    let open = true;
    onState?.({ state: 'connecting' });
    const stop = this.#store.listen(this.role === null ? 'public' : 'internal', (change) => {
      if (open) listener(change);
    });
    queueMicrotask(() => {
      if (open) onState?.({ state: 'open' });
    });
    const close = (): void => {
      if (!open) return;
      open = false;
      stop();
      signal?.removeEventListener('abort', close);
      onState?.({ state: 'closed' });
    };
    signal?.addEventListener('abort', close, { once: true });
    return close;
  }
}
