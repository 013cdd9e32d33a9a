/**
 * A read-only {@link HanseiAdapter} for any Atlassian Statuspage page, through its public v2 API
 * (`/api/v2/*.json`). The Hansei server publishes the same documents, and so does its static
 * export, so this adapter also reads a Hansei page without a token, or from a CDN when the
 * server is down.
 */
import {
  fromStatuspageComponents,
  fromStatuspageIncidents,
  fromStatuspageMaintenances,
  fromStatuspageSummary,
  toMs,
} from '@hansei/core';
import type {
  Component,
  ComponentGroup,
  ComponentUptime,
  Id,
  Incident,
  Maintenance,
  Page,
  PostmortemSummary,
  Session,
  StatusPageInfo,
  StatusSnapshot,
  StatuspageImportOptions,
  Stored,
} from '@hansei/core';
import type { AdapterCapabilities, CallOptions, Change, HanseiAdapter, LiveState, SubscribeOptions } from '../adapter.js';
import { HanseiError } from '../errors.js';
import { diffSummaries, type SummaryEntities } from './changes.js';
import { StatuspageHttp } from './http.js';
import {
  byStartedDesc,
  byWindowAsc,
  byWindowDesc,
  checkQuery,
  incidentMatches,
  maintenanceMatches,
  paginate,
  type IncidentQuery,
  type MaintenanceQuery,
} from './query.js';

export interface StatuspageAdapterOptions {
  /**
   * The page's address: `https://www.githubstatus.com`, a Hansei server's origin, or where its
   * static export is served. A trailing `/api/v2` is accepted and dropped.
   */
  readonly baseUrl: string;
  /** The fetch to use (default: the global one). */
  readonly fetch?: typeof fetch;
  /** Milliseconds a call may take when its options do not say (default 10,000). */
  readonly timeoutMs?: number;
  /** Severity code per impact for incidents (v2 has no severity; see core's `DEFAULT_IMPACT_SEVERITY`). */
  readonly severity?: StatuspageImportOptions['severity'];
  /**
   * Read `summary.json` again every this many milliseconds and deliver what changed through
   * `subscribe` (then `capabilities.live` is true). Statuspage pages cache their documents for
   * about a minute, so 30,000 or more is sensible. Default: no polling.
   */
  readonly pollMs?: number;
  /** Revalidate with ETag / Last-Modified (default: on outside a browser; a browser's cache does it there). */
  readonly conditional?: boolean;
  /** The clock in epoch ms (default `Date.now`). */
  readonly now?: () => number;
}

const DOCUMENTS = {
  summary: '/api/v2/summary.json',
  components: '/api/v2/components.json',
  incidents: '/api/v2/incidents.json',
  maintenances: '/api/v2/scheduled-maintenances.json',
} as const;

/** A method that always rejects with kind `unsupported`, naming itself. */
function refuse(method: string): (...args: unknown[]) => Promise<never> {
  return () =>
    Promise.reject(
      new HanseiError({
        kind: 'unsupported',
        message: `${method} is not available: the Statuspage adapter is read-only and reads only a page's public status (components, incidents and maintenances).`,
      }),
    );
}

/** The entity with a version derived from when it last changed (epoch ms of `updatedAt`). */
const stored = <T extends { readonly updatedAt: string }>(entity: T): Stored<T> => ({ ...entity, version: toMs(entity.updatedAt) });

/** Page order, as the Hansei server gives it: by position, then id. */
const byPosition = (a: { readonly position: number; readonly id: Id }, b: { readonly position: number; readonly id: Id }): number =>
  a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The status snapshot this adapter answers: its entities carry their (derived) versions. */
export interface StatuspageSnapshot extends StatusSnapshot, SummaryEntities {
  readonly groups: readonly Stored<ComponentGroup>[];
  readonly components: readonly Stored<Component>[];
  readonly incidents: readonly Stored<Incident>[];
  readonly maintenances: readonly Stored<Maintenance>[];
}

/** One reading of `summary.json`, ordered as the adapter interface promises. */
type SummaryReading = Omit<StatuspageSnapshot, 'generatedAt'>;

/** A kind `validation` error for a bad query; `error` says what is wrong. */
function invalid(error: unknown): HanseiError {
  const detail = error instanceof Error ? error.message : String(error);
  return new HanseiError({ kind: 'validation', message: `Invalid query: ${detail}`, cause: error });
}

function validated(query: IncidentQuery | MaintenanceQuery): void {
  try {
    checkQuery(query);
  } catch (error) {
    throw invalid(error);
  }
}

/**
 * Reads a Statuspage page (see the module comment) and implements the `status` area of the
 * adapter interface: the snapshot, components and groups, incidents and maintenances. It cannot
 * write, so every write, every other area and `uptime` (v2 publishes none) reject with kind
 * `unsupported`, and `capabilities` says so.
 *
 * - Lists come from the page's documents, which hold its 50 most recent incidents and
 *   maintenances. The query filters run over those 50, and `getIncident` / `getMaintenance`
 *   find nothing older (kind `not_found`).
 * - Entities carry a `version` derived from their `updatedAt` (epoch ms), so it changes whenever
 *   the page changes them. It has no other use: there are no writes to send it back with.
 * - `getPostmortemSummary` always rejects `not_found`, because v2 publishes no postmortem text.
 * - Live changes come only with `pollMs`: `subscribe` then reads the summary on that beat and
 *   delivers what changed (see {@link StatuspageAdapter.subscribe}). Without it, `live` is false
 *   and `subscribe` reports `closed` once.
 * - Failures reject with a {@link HanseiError}: `network`, `timeout`, `aborted`, the kind of an HTTP
 *   error status (`not_found`, `unavailable`, `server`, ...), or `bad_response` for a document
 *   that is not valid Statuspage JSON (its message names the bad field).
 */
export class StatuspageAdapter implements HanseiAdapter {
  readonly capabilities: AdapterCapabilities;
  /** The page's address, as requests use it. */
  readonly baseUrl: string;
  readonly #http: StatuspageHttp;
  readonly #import: StatuspageImportOptions;
  readonly #pollMs: number | null;
  readonly #now: () => number;

  constructor(options: StatuspageAdapterOptions) {
    let url: URL | null = null;
    try {
      url = new URL(options.baseUrl);
    } catch {
      // Reported below.
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new TypeError(`StatuspageAdapter needs baseUrl to be an absolute http(s) address such as https://www.githubstatus.com; got "${options.baseUrl}".`);
    }
    for (const [name, value] of [['timeoutMs', options.timeoutMs], ['pollMs', options.pollMs]] as const) {
      if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
        throw new TypeError(`StatuspageAdapter needs ${name} to be a number of milliseconds above 0; got ${value}.`);
      }
    }
    this.baseUrl = options.baseUrl.replace(/\/+$/, '').replace(/\/api\/v2$/, '');
    this.#now = options.now ?? Date.now;
    this.#http = new StatuspageHttp({
      baseUrl: this.baseUrl,
      now: this.#now,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.conditional !== undefined ? { conditional: options.conditional } : {}),
    });
    this.#import = options.severity ? { severity: options.severity } : {};
    this.#pollMs = options.pollMs ?? null;
    this.capabilities = Object.freeze({
      read: Object.freeze(['status'] as const),
      write: Object.freeze([] as const),
      live: this.#pollMs !== null,
    });
  }

  // reading -------------------------------------------------------------------------------------

  /** Reads `path` and maps it with `reader`; a document the reader rejects is kind `bad_response`. */
  async #read<T>(path: string, reader: (json: unknown) => T, options?: CallOptions): Promise<T> {
    const json = await this.#http.get(path, options);
    try {
      return reader(json);
    } catch (error) {
      throw new HanseiError({
        kind: 'bad_response',
        message: error instanceof Error ? error.message : `Invalid Statuspage document at ${this.baseUrl}${path}.`,
        cause: error,
      });
    }
  }

  async #summary(options?: CallOptions): Promise<SummaryReading> {
    const doc = await this.#read(DOCUMENTS.summary, (json) => fromStatuspageSummary(json, this.#import), options);
    return {
      page: doc.page,
      status: doc.status,
      groups: [...doc.groups].sort(byPosition).map(stored),
      components: [...doc.components].sort(byPosition).map(stored),
      incidents: [...doc.incidents].sort(byStartedDesc).map(stored),
      maintenances: [...doc.maintenances].sort(byWindowAsc).map(stored),
    };
  }

  #components(options?: CallOptions) {
    return this.#read(DOCUMENTS.components, fromStatuspageComponents, options);
  }

  #incidents(options?: CallOptions) {
    return this.#read(DOCUMENTS.incidents, (json) => fromStatuspageIncidents(json, this.#import).incidents, options);
  }

  #maintenances(options?: CallOptions) {
    return this.#read(DOCUMENTS.maintenances, (json) => fromStatuspageMaintenances(json).maintenances, options);
  }

  /** Resolves `value` unless the call was already aborted. */
  #local<T>(value: T, options?: CallOptions): Promise<T> {
    if (options?.signal?.aborted) {
      return Promise.reject(new HanseiError({ kind: 'aborted', message: 'The call was cancelled.', cause: options.signal.reason }));
    }
    return Promise.resolve(value);
  }

  #notFound(what: string, id: Id, document: string): HanseiError {
    return new HanseiError({
      kind: 'not_found',
      message: `No ${what} "${id}" in ${this.baseUrl}${document}. Statuspage's public API lists only the 50 most recent ${what}s.`,
    });
  }

  // status area -----------------------------------------------------------------------------------

  /** Anonymous: a public page has no tokens. */
  session(options?: CallOptions): Promise<Session> {
    return this.#local({ role: null, token: null }, options);
  }

  /**
   * The page from `summary.json`: groups and components by position (then id), unresolved
   * incidents most recently started first, upcoming and active maintenances soonest first. `generatedAt` is when it was read.
   */
  async status(options?: CallOptions): Promise<StatuspageSnapshot> {
    const reading = await this.#summary(options);
    return { ...reading, generatedAt: new Date(this.#now()).toISOString() };
  }

  /** Rejects with kind `unsupported`: Statuspage's v2 API publishes no uptime history. */
  uptime(): Promise<readonly ComponentUptime[]> {
    return Promise.reject(
      new HanseiError({
        kind: 'unsupported',
        message: "uptime is not available: Statuspage's public API (v2) publishes no uptime history, so the Statuspage adapter cannot show uptime bars.",
      }),
    );
  }

  /** The page's components from `components.json`, by position (then id). */
  async listComponents(options?: CallOptions): Promise<readonly Stored<Component>[]> {
    const { components } = await this.#components(options);
    return [...components].sort(byPosition).map(stored);
  }

  /** The page's component groups from `components.json`, by position (then id). */
  async listComponentGroups(options?: CallOptions): Promise<readonly Stored<ComponentGroup>[]> {
    const { groups } = await this.#components(options);
    return [...groups].sort(byPosition).map(stored);
  }

  /**
   * Incidents from `incidents.json` (the page's 50 most recent), filtered by `query`, most
   * recently started first, `limit` at a time (default 50). A bad query rejects `validation`.
   */
  async listIncidents(query: IncidentQuery = {}, options?: CallOptions): Promise<Page<Stored<Incident>>> {
    validated(query);
    const incidents = await this.#incidents(options);
    const kept = incidents.filter((i) => incidentMatches(i, query)).sort(byStartedDesc).map(stored);
    return paginate(kept, query.cursor, query.limit);
  }

  /** One incident from `incidents.json`; kind `not_found` when the page does not list it. */
  async getIncident(id: Id, options?: CallOptions): Promise<Stored<Incident>> {
    const found = (await this.#incidents(options)).find((i) => i.id === id);
    if (!found) throw this.#notFound('incident', id, DOCUMENTS.incidents);
    return stored(found);
  }

  /**
   * Maintenances from `scheduled-maintenances.json` (the page's 50 most recent), filtered by
   * `query`, latest window first, `limit` at a time (default 50).
   */
  async listMaintenances(query: MaintenanceQuery = {}, options?: CallOptions): Promise<Page<Stored<Maintenance>>> {
    validated(query);
    const maintenances = await this.#maintenances(options);
    const kept = maintenances.filter((m) => maintenanceMatches(m, query)).sort(byWindowDesc).map(stored);
    return paginate(kept, query.cursor, query.limit);
  }

  /** One maintenance from `scheduled-maintenances.json`; kind `not_found` when the page does not list it. */
  async getMaintenance(id: Id, options?: CallOptions): Promise<Stored<Maintenance>> {
    const found = (await this.#maintenances(options)).find((m) => m.id === id);
    if (!found) throw this.#notFound('maintenance', id, DOCUMENTS.maintenances);
    return stored(found);
  }

  /** Always rejects with kind `not_found`: Statuspage's v2 API publishes no postmortem text. */
  getPostmortemSummary(incidentId: Id, options?: CallOptions): Promise<PostmortemSummary> {
    return this.#local(null, options).then(() => {
      throw new HanseiError({
        kind: 'not_found',
        message: `Incident "${incidentId}" has no postmortem summary here: Statuspage's public API (v2) does not publish postmortem text.`,
      });
    });
  }

  /** The page's name, address and time zone, from `components.json`. */
  async getPage(options?: CallOptions): Promise<StatusPageInfo> {
    return (await this.#components(options)).page;
  }

  // live ------------------------------------------------------------------------------------------

  /**
   * Without `pollMs`, reports `closed` once and delivers nothing. With it, reads `summary.json`
   * every `pollMs` and delivers what changed since the last good reading:
   * `component(-group).created/updated/deleted`, and `incident.created/updated` and
   * `maintenance.created/updated` for the unresolved and upcoming ones the summary holds.
   * An incident that leaves the summary is looked up in `incidents.json`: it is delivered as
   * `incident.updated` (resolved), or as `incident.withdrawn` when the page no longer lists it.
   * A maintenance that leaves it is delivered as `maintenance.updated` from
   * `scheduled-maintenances.json`, or as `maintenance.deleted`.
   *
   * States: `connecting` before a reading that follows a failure (or the first), `open` after
   * it succeeds, and `retrying` with the error when it fails. The next reading is `pollMs`
   * later, and the comparison is always with the last good reading, so nothing is missed. A
   * listener that throws ends that round as `retrying`. `closed` comes when `signal` aborts or
   * the returned function is called.
   */
  subscribe(listener: (change: Change) => void, options: SubscribeOptions = {}): () => void {
    const { signal, onState } = options;
    const pollMs = this.#pollMs;
    if (pollMs === null) {
      queueMicrotask(() => onState?.({ state: 'closed' }));
      return () => {};
    }
    const stop = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let state: LiveState['state'] | null = null;
    let last: SummaryReading | null = null;
    const report = (next: LiveState) => {
      state = next.state;
      onState?.(next);
    };
    const close = () => {
      if (stop.signal.aborted) return;
      stop.abort();
      clearTimeout(timer);
      signal?.removeEventListener('abort', close);
      report({ state: 'closed' });
    };
    const round = async () => {
      if (state !== 'open') report({ state: 'connecting' });
      try {
        const reading = await this.#summary({ signal: stop.signal });
        const changes = last ? await this.#changes(last, reading, stop.signal) : [];
        last = reading;
        if (state !== 'open') report({ state: 'open' });
        for (const change of changes) {
          if (stop.signal.aborted) return;
          listener(change);
        }
      } catch (error) {
        if (stop.signal.aborted) return;
        report({ state: 'retrying', retryInMs: pollMs, error: error instanceof Error ? error : new Error(String(error)) });
      }
      if (!stop.signal.aborted) timer = setTimeout(() => void round(), pollMs);
    };
    if (signal?.aborted) {
      queueMicrotask(close);
      return close;
    }
    signal?.addEventListener('abort', close, { once: true });
    void round();
    return close;
  }

  /** The changes between two readings, with incidents and maintenances that left the summary looked up. */
  async #changes(before: SummaryReading, after: SummaryReading, signal: AbortSignal): Promise<Change[]> {
    const { changes, gone } = diffSummaries(before, after);
    if (gone.incidents.length > 0) {
      const listed = new Map((await this.#incidents({ signal })).map((i) => [i.id, i]));
      for (const id of gone.incidents) {
        const incident = listed.get(id);
        changes.push(incident ? { type: 'incident.updated', data: { incident: stored(incident) } } : { type: 'incident.withdrawn', data: { id } });
      }
    }
    if (gone.maintenances.length > 0) {
      const listed = new Map((await this.#maintenances({ signal })).map((m) => [m.id, m]));
      for (const id of gone.maintenances) {
        const maintenance = listed.get(id);
        changes.push(maintenance ? { type: 'maintenance.updated', data: { maintenance: stored(maintenance) } } : { type: 'maintenance.deleted', data: { id } });
      }
    }
    return changes;
  }

  // everything else -------------------------------------------------------------------------------

  readonly declareIncident = refuse('declareIncident');
  readonly updateIncident = refuse('updateIncident');
  readonly postIncidentUpdate = refuse('postIncidentUpdate');
  readonly listTimeline = refuse('listTimeline');
  readonly addTimelineEvent = refuse('addTimelineEvent');
  readonly listIncidentRoles = refuse('listIncidentRoles');
  readonly assignRole = refuse('assignRole');
  readonly handOffRole = refuse('handOffRole');
  readonly releaseRole = refuse('releaseRole');
  readonly linkIncident = refuse('linkIncident');
  readonly unlinkIncident = refuse('unlinkIncident');
  readonly listIncidentTemplates = refuse('listIncidentTemplates');
  readonly getIncidentTemplate = refuse('getIncidentTemplate');
  readonly createIncidentTemplate = refuse('createIncidentTemplate');
  readonly updateIncidentTemplate = refuse('updateIncidentTemplate');
  readonly deleteIncidentTemplate = refuse('deleteIncidentTemplate');
  readonly scheduleMaintenance = refuse('scheduleMaintenance');
  readonly updateMaintenance = refuse('updateMaintenance');
  readonly postMaintenanceUpdate = refuse('postMaintenanceUpdate');
  readonly deleteMaintenance = refuse('deleteMaintenance');
  readonly listPostmortems = refuse('listPostmortems');
  readonly getPostmortem = refuse('getPostmortem');
  readonly createPostmortem = refuse('createPostmortem');
  readonly updatePostmortem = refuse('updatePostmortem');
  readonly deletePostmortem = refuse('deletePostmortem');
  readonly listPostmortemTemplates = refuse('listPostmortemTemplates');
  readonly getPostmortemTemplate = refuse('getPostmortemTemplate');
  readonly createPostmortemTemplate = refuse('createPostmortemTemplate');
  readonly updatePostmortemTemplate = refuse('updatePostmortemTemplate');
  readonly deletePostmortemTemplate = refuse('deletePostmortemTemplate');
  readonly listActions = refuse('listActions');
  readonly getAction = refuse('getAction');
  readonly createAction = refuse('createAction');
  readonly updateAction = refuse('updateAction');
  readonly moveAction = refuse('moveAction');
  readonly deleteAction = refuse('deleteAction');
  readonly listSlos = refuse('listSlos');
  readonly getSlo = refuse('getSlo');
  readonly getSloReport = refuse('getSloReport');
  readonly createSlo = refuse('createSlo');
  readonly updateSlo = refuse('updateSlo');
  readonly deleteSlo = refuse('deleteSlo');
  readonly ingestSamples = refuse('ingestSamples');
  readonly listPeople = refuse('listPeople');
  readonly getPerson = refuse('getPerson');
  readonly createPerson = refuse('createPerson');
  readonly updatePerson = refuse('updatePerson');
  readonly deletePerson = refuse('deletePerson');
  readonly metrics = refuse('metrics');
  readonly weeklyReview = refuse('weeklyReview');
  readonly getSeverityGuideline = refuse('getSeverityGuideline');
  readonly replaceSeverityGuideline = refuse('replaceSeverityGuideline');
  readonly listRoles = refuse('listRoles');
  readonly replaceRoles = refuse('replaceRoles');
  readonly replacePage = refuse('replacePage');
  readonly createComponent = refuse('createComponent');
  readonly updateComponent = refuse('updateComponent');
  readonly deleteComponent = refuse('deleteComponent');
  readonly createComponentGroup = refuse('createComponentGroup');
  readonly updateComponentGroup = refuse('updateComponentGroup');
  readonly deleteComponentGroup = refuse('deleteComponentGroup');
  readonly listTokens = refuse('listTokens');
  readonly createToken = refuse('createToken');
  readonly revokeToken = refuse('revokeToken');
}
