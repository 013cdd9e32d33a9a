/**
 * The public half of the REST adapter: what a status page reads (status, uptime, components,
 * public incidents, maintenances, postmortem summaries, the page) and live changes, with the
 * same timeouts, retries, ETag revalidation and typed errors as {@link RestAdapter}, at a
 * fraction of its size. Pages that only show status import this one.
 */
import type { CallOptions, Change, StatusAdapter, SubscribeOptions, UptimeOptions } from '../adapter.js';
import type { Id, IncidentListQuery, MaintenanceListQuery } from '@hansei/core';
import { Http, type HttpOptions } from './http.js';
import { LiveChanges, type LiveOptions } from './sse.js';

/** Where the server is, how to authenticate, and how patient to be (see {@link HttpOptions}). */
export interface RestAdapterOptions extends HttpOptions {
  /** Tuning of the live connection (reconnection backoff, silence allowed). */
  readonly live?: LiveOptions;
}

/** The public reads of the Hansei REST API, and its live changes (see the module comment). */
export class RestStatusAdapter implements StatusAdapter {
  readonly capabilities: StatusAdapter['capabilities'] = { read: ['status', 'uptime'], write: [], live: true };
  protected readonly http: Http;
  readonly #live: LiveChanges;

  constructor(options: RestAdapterOptions) {
    this.http = new Http(options);
    this.#live = new LiveChanges(this.http, options.live);
  }

  session(o?: CallOptions) {
    return this.http.call('get', '/v1/session', {}, o);
  }

  // status ------------------------------------------------------------------------------------
  status(o?: CallOptions) {
    return this.http.call('get', '/v1/status.json', {}, o);
  }
  async uptime(o: UptimeOptions = {}) {
    const { days, timeZone } = o;
    return (await this.http.call('get', '/v1/uptime', { query: { days: days?.toString(), timeZone } }, o)).data;
  }
  async listComponents(o?: CallOptions) {
    return (await this.http.call('get', '/v1/components', {}, o)).data;
  }
  async listComponentGroups(o?: CallOptions) {
    return (await this.http.call('get', '/v1/component-groups', {}, o)).data;
  }
  listIncidents(query?: Partial<IncidentListQuery>, o?: CallOptions) {
    return this.http.call('get', '/v1/incidents', { query }, o);
  }
  getIncident(id: Id, o?: CallOptions) {
    return this.http.call('get', '/v1/incidents/{id}', { path: { id } }, o);
  }
  listMaintenances(query?: Partial<MaintenanceListQuery>, o?: CallOptions) {
    return this.http.call('get', '/v1/maintenances', { query }, o);
  }
  getMaintenance(id: Id, o?: CallOptions) {
    return this.http.call('get', '/v1/maintenances/{id}', { path: { id } }, o);
  }
  getPostmortemSummary(id: Id, o?: CallOptions) {
    return this.http.call('get', '/v1/incidents/{id}/postmortem-summary', { path: { id } }, o);
  }

  getPage(o?: CallOptions) {
    return this.http.call('get', '/v1/page', {}, o);
  }

  // live --------------------------------------------------------------------------------------
  subscribe(listener: (change: Change) => void, options?: SubscribeOptions): () => void {
    return this.#live.subscribe(listener, options);
  }
}
