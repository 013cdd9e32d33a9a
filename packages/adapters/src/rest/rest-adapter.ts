/**
 * The adapter for the Hansei REST API (apps/api, or any server implementing docs/contract.md).
 *
 * ```ts
 * const adapter = new RestAdapter({ baseUrl: 'https://status.example.com', token: () => session.token });
 * ```
 *
 * Every call is typed against the contract's generated types (openapi.ts) and goes through
 * {@link Http}: per-call timeout and abort, retries of what is safe to repeat, ETag revalidation
 * of reads, `If-Match: "<version>"` on updates and deletes (a stale version rejects with kind
 * `conflict` whose `current` is the entity as it now is), an Idempotency-Key on every create
 * (`options.idempotencyKey`, or a fresh UUID reused across the retries of that call), and typed
 * {@link HanseiError}s for everything that goes wrong. `subscribe` shares one Server-Sent Events
 * connection among all subscribers (sse.ts).
 *
 * Capabilities claim every area for reading and writing and live changes, because the API has
 * them all; what the caller may actually do depends on its token's role, and a call the role does
 * not allow rejects with kind `forbidden` (anonymous: `unauthorized`). Read `session()` for the
 * role to hide what it cannot do.
 */
import { AREAS, type AdapterCapabilities, type CallOptions, type CreateOptions, type HanseiAdapter } from '../adapter.js';
import type {
  ActionCreateRequest,
  ActionListQuery,
  ActionMoveRequest,
  ActionPatchRequest,
  ComponentCreateRequest,
  ComponentGroupCreateRequest,
  ComponentGroupPatchRequest,
  ComponentPatchRequest,
  Id,
  IncidentCreateRequest,
  IncidentPatchRequest,
  IncidentUpdatePostRequest,
  ListQuery,
  MaintenanceCreateRequest,
  MaintenancePatchRequest,
  MaintenanceUpdatePostRequest,
  PageInfoReplaceRequest,
  PersonCreateRequest,
  PersonPatchRequest,
  PostmortemCreateRequest,
  PostmortemListQuery,
  PostmortemPatchRequest,
  IncidentTemplateCreateRequest,
  IncidentTemplatePatchRequest,
  PostmortemTemplateCreateRequest,
  PostmortemTemplatePatchRequest,
  RelatedIncidentLinkRequest,
  RoleAssignRequest,
  RoleDefinition,
  RoleHandOffRequest,
  RoleReleaseRequest,
  SeverityGuidelineReplaceRequest,
  SliSample,
  SloCreateRequest,
  SloListQuery,
  SloPatchRequest,
  TimelineEventCreateRequest,
  TokenCreateRequest,
} from '@hansei/core';
import { RestStatusAdapter } from './rest-status-adapter.js';

export type { RestAdapterOptions } from './rest-status-adapter.js';

const CAPABILITIES: AdapterCapabilities = { read: AREAS, write: AREAS, live: true };

/** The Idempotency-Key of a create: the caller's, or a new random one. */
function key(options?: CreateOptions): string {
  if (options?.idempotencyKey) return options.idempotencyKey;
  if (crypto.randomUUID) return crypto.randomUUID();
  // crypto.randomUUID exists only in secure contexts; getRandomValues everywhere.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A {@link HanseiAdapter} for the Hansei REST API (see the module comment). */
export class RestAdapter extends RestStatusAdapter implements HanseiAdapter {
  /**
   * Every area, read and write, and live changes: the API has them all. The token's role still
   * limits what succeeds (a weaker role's call rejects with kind `forbidden`); see `session()`.
   */
  override readonly capabilities: AdapterCapabilities = CAPABILITIES;

  // incident work -----------------------------------------------------------------------------
  declareIncident(body: IncidentCreateRequest, o?: CreateOptions) {
    return this.http.call('post', '/v1/incidents', { body, key: key(o) }, o);
  }
  updateIncident(id: Id, body: IncidentPatchRequest, ifMatch: number, o?: CallOptions) {
    return this.http.call('patch', '/v1/incidents/{id}', { path: { id }, body, ifMatch }, o);
  }
  postIncidentUpdate(id: Id, body: IncidentUpdatePostRequest, o?: CreateOptions) {
    return this.http.call('post', '/v1/incidents/{id}/updates', { path: { id }, body, key: key(o) }, o);
  }
  async listTimeline(id: Id, o?: CallOptions) {
    return (await this.http.call('get', '/v1/incidents/{id}/timeline', { path: { id } }, o)).data;
  }
  addTimelineEvent(id: Id, body: TimelineEventCreateRequest, o?: CreateOptions) {
    return this.http.call('post', '/v1/incidents/{id}/timeline', { path: { id }, body, key: key(o) }, o);
  }
  listIncidentRoles(id: Id, o?: CallOptions) {
    return this.http.call('get', '/v1/incidents/{id}/roles', { path: { id } }, o);
  }
  assignRole(id: Id, body: RoleAssignRequest, o?: CreateOptions) {
    return this.http.call('post', '/v1/incidents/{id}/roles', { path: { id }, body, key: key(o) }, o);
  }
  handOffRole(id: Id, body: RoleHandOffRequest, o?: CreateOptions) {
    const path = { id, assignmentId: body.assignmentId };
    return this.http.call('post', '/v1/incidents/{id}/roles/{assignmentId}/hand-off', { path, body, key: key(o) }, o);
  }
  releaseRole(id: Id, body: RoleReleaseRequest, o?: CreateOptions) {
    const path = { id, assignmentId: body.assignmentId };
    return this.http.call('post', '/v1/incidents/{id}/roles/{assignmentId}/release', { path, body, key: key(o) }, o);
  }
  linkIncident(id: Id, body: RelatedIncidentLinkRequest, o?: CreateOptions) {
    return this.http.call('post', '/v1/incidents/{id}/related', { path: { id }, body, key: key(o) }, o);
  }
  unlinkIncident(id: Id, relatedId: Id, ifMatch: number, o?: CallOptions) {
    return this.http.call('delete', '/v1/incidents/{id}/related/{relatedId}', { path: { id, relatedId }, ifMatch }, o);
  }
  async listIncidentTemplates(o?: CallOptions) {
    return (await this.http.call('get', '/v1/incident-templates', {}, o)).data;
  }
  getIncidentTemplate(id: Id, o?: CallOptions) {
    return this.http.call('get', '/v1/incident-templates/{id}', { path: { id } }, o);
  }
  createIncidentTemplate(body: IncidentTemplateCreateRequest, o?: CreateOptions) {
    return this.http.call('post', '/v1/incident-templates', { body, key: key(o) }, o);
  }
  updateIncidentTemplate(id: Id, body: IncidentTemplatePatchRequest, ifMatch: number, o?: CallOptions) {
    return this.http.call('patch', '/v1/incident-templates/{id}', { path: { id }, body, ifMatch }, o);
  }
  async deleteIncidentTemplate(id: Id, ifMatch: number, o?: CallOptions) {
    await this.http.call('delete', '/v1/incident-templates/{id}', { path: { id }, ifMatch }, o);
  }

  // maintenances ------------------------------------------------------------------------------
  scheduleMaintenance(body: MaintenanceCreateRequest, o?: CreateOptions) {
    return this.http.call('post', '/v1/maintenances', { body, key: key(o) }, o);
  }
  updateMaintenance(id: Id, body: MaintenancePatchRequest, ifMatch: number, o?: CallOptions) {
    return this.http.call('patch', '/v1/maintenances/{id}', { path: { id }, body, ifMatch }, o);
  }
  postMaintenanceUpdate(id: Id, body: MaintenanceUpdatePostRequest, o?: CreateOptions) {
    return this.http.call('post', '/v1/maintenances/{id}/updates', { path: { id }, body, key: key(o) }, o);
  }
  async deleteMaintenance(id: Id, ifMatch: number, o?: CallOptions) {
    await this.http.call('delete', '/v1/maintenances/{id}', { path: { id }, ifMatch }, o);
  }

  // postmortems -------------------------------------------------------------------------------
  listPostmortems(query?: Partial<PostmortemListQuery>, o?: CallOptions) {
    return this.http.call('get', '/v1/postmortems', { query }, o);
  }
  getPostmortem(id: Id, o?: CallOptions) {
    return this.http.call('get', '/v1/postmortems/{id}', { path: { id } }, o);
  }
  createPostmortem(body: PostmortemCreateRequest, o?: CreateOptions) {
    return this.http.call('post', '/v1/postmortems', { body, key: key(o) }, o);
  }
  updatePostmortem(id: Id, body: PostmortemPatchRequest, ifMatch: number, o?: CallOptions) {
    return this.http.call('patch', '/v1/postmortems/{id}', { path: { id }, body, ifMatch }, o);
  }
  async deletePostmortem(id: Id, ifMatch: number, o?: CallOptions) {
    await this.http.call('delete', '/v1/postmortems/{id}', { path: { id }, ifMatch }, o);
  }
  async listPostmortemTemplates(o?: CallOptions) {
    return (await this.http.call('get', '/v1/postmortem-templates', {}, o)).data;
  }
  getPostmortemTemplate(id: Id, o?: CallOptions) {
    return this.http.call('get', '/v1/postmortem-templates/{id}', { path: { id } }, o);
  }
  createPostmortemTemplate(body: PostmortemTemplateCreateRequest, o?: CreateOptions) {
    return this.http.call('post', '/v1/postmortem-templates', { body, key: key(o) }, o);
  }
  updatePostmortemTemplate(id: Id, body: PostmortemTemplatePatchRequest, ifMatch: number, o?: CallOptions) {
    return this.http.call('patch', '/v1/postmortem-templates/{id}', { path: { id }, body, ifMatch }, o);
  }
  async deletePostmortemTemplate(id: Id, ifMatch: number, o?: CallOptions) {
    await this.http.call('delete', '/v1/postmortem-templates/{id}', { path: { id }, ifMatch }, o);
  }

  // prevention actions ------------------------------------------------------------------------
  listActions(query?: Partial<ActionListQuery>, o?: CallOptions) {
    return this.http.call('get', '/v1/actions', { query }, o);
  }
  getAction(id: Id, o?: CallOptions) {
    return this.http.call('get', '/v1/actions/{id}', { path: { id } }, o);
  }
  createAction(body: ActionCreateRequest, o?: CreateOptions) {
    return this.http.call('post', '/v1/actions', { body, key: key(o) }, o);
  }
  updateAction(id: Id, body: ActionPatchRequest, ifMatch: number, o?: CallOptions) {
    return this.http.call('patch', '/v1/actions/{id}', { path: { id }, body, ifMatch }, o);
  }
  moveAction(id: Id, body: ActionMoveRequest, ifMatch: number, o?: CallOptions) {
    return this.http.call('post', '/v1/actions/{id}/move', { path: { id }, body, ifMatch }, o);
  }
  async deleteAction(id: Id, ifMatch: number, o?: CallOptions) {
    await this.http.call('delete', '/v1/actions/{id}', { path: { id }, ifMatch }, o);
  }

  // SLOs --------------------------------------------------------------------------------------
  listSlos(query?: Partial<SloListQuery>, o?: CallOptions) {
    return this.http.call('get', '/v1/slos', { query }, o);
  }
  getSlo(id: Id, o?: CallOptions) {
    return this.http.call('get', '/v1/slos/{id}', { path: { id } }, o);
  }
  getSloReport(id: Id, o?: CallOptions) {
    return this.http.call('get', '/v1/slos/{id}/report', { path: { id } }, o);
  }
  createSlo(body: SloCreateRequest, o?: CreateOptions) {
    return this.http.call('post', '/v1/slos', { body, key: key(o) }, o);
  }
  updateSlo(id: Id, body: SloPatchRequest, ifMatch: number, o?: CallOptions) {
    return this.http.call('patch', '/v1/slos/{id}', { path: { id }, body, ifMatch }, o);
  }
  async deleteSlo(id: Id, ifMatch: number, o?: CallOptions) {
    await this.http.call('delete', '/v1/slos/{id}', { path: { id }, ifMatch }, o);
  }
  async ingestSamples(id: Id, body: readonly SliSample[], o?: CallOptions) {
    return (await this.http.call('post', '/v1/slos/{id}/samples', { path: { id }, body }, o)).accepted;
  }

  // people ------------------------------------------------------------------------------------
  listPeople(query?: Partial<ListQuery>, o?: CallOptions) {
    return this.http.call('get', '/v1/people', { query }, o);
  }
  getPerson(id: Id, o?: CallOptions) {
    return this.http.call('get', '/v1/people/{id}', { path: { id } }, o);
  }
  createPerson(body: PersonCreateRequest, o?: CreateOptions) {
    return this.http.call('post', '/v1/people', { body, key: key(o) }, o);
  }
  updatePerson(id: Id, body: PersonPatchRequest, ifMatch: number, o?: CallOptions) {
    return this.http.call('patch', '/v1/people/{id}', { path: { id }, body, ifMatch }, o);
  }
  async deletePerson(id: Id, ifMatch: number, o?: CallOptions) {
    await this.http.call('delete', '/v1/people/{id}', { path: { id }, ifMatch }, o);
  }

  // insights ----------------------------------------------------------------------------------
  metrics(query?: { readonly from?: string; readonly to?: string }, o?: CallOptions) {
    return this.http.call('get', '/v1/metrics', { query }, o);
  }
  weeklyReview(week?: string, o?: CallOptions) {
    return this.http.call('get', '/v1/review', { query: { week } }, o);
  }

  // settings ----------------------------------------------------------------------------------
  // The three settings documents are replaced with If-Match of the ETag last read through this
  // adapter (read first when never read), so a change made in between is a conflict.
  getSeverityGuideline(o?: CallOptions) {
    return this.http.call('get', '/v1/severity-guideline', {}, o);
  }
  async replaceSeverityGuideline(body: SeverityGuidelineReplaceRequest, o?: CallOptions) {
    const ifMatch = await this.http.version('/v1/severity-guideline', o);
    return this.http.call('put', '/v1/severity-guideline', { body, ifMatch }, o);
  }
  async listRoles(o?: CallOptions) {
    return (await this.http.call('get', '/v1/roles', {}, o)).data;
  }
  async replaceRoles(data: readonly RoleDefinition[], o?: CallOptions) {
    const ifMatch = await this.http.version('/v1/roles', o);
    return (await this.http.call('put', '/v1/roles', { body: { data }, ifMatch }, o)).data;
  }
  async replacePage(body: PageInfoReplaceRequest, o?: CallOptions) {
    const ifMatch = await this.http.version('/v1/page', o);
    return this.http.call('put', '/v1/page', { body, ifMatch }, o);
  }
  createComponent(body: ComponentCreateRequest, o?: CreateOptions) {
    return this.http.call('post', '/v1/components', { body, key: key(o) }, o);
  }
  updateComponent(id: Id, body: ComponentPatchRequest, ifMatch: number, o?: CallOptions) {
    return this.http.call('patch', '/v1/components/{id}', { path: { id }, body, ifMatch }, o);
  }
  async deleteComponent(id: Id, ifMatch: number, o?: CallOptions) {
    await this.http.call('delete', '/v1/components/{id}', { path: { id }, ifMatch }, o);
  }
  createComponentGroup(body: ComponentGroupCreateRequest, o?: CreateOptions) {
    return this.http.call('post', '/v1/component-groups', { body, key: key(o) }, o);
  }
  updateComponentGroup(id: Id, body: ComponentGroupPatchRequest, ifMatch: number, o?: CallOptions) {
    return this.http.call('patch', '/v1/component-groups/{id}', { path: { id }, body, ifMatch }, o);
  }
  async deleteComponentGroup(id: Id, ifMatch: number, o?: CallOptions) {
    await this.http.call('delete', '/v1/component-groups/{id}', { path: { id }, ifMatch }, o);
  }
  async listTokens(o?: CallOptions) {
    return (await this.http.call('get', '/v1/tokens', {}, o)).data;
  }
  /**
   * Creates a token. Never retried: the server keeps no replay of it on purpose (a replay would
   * mean storing the secret), so `idempotencyKey` is not used.
   */
  createToken(body: TokenCreateRequest, o?: CreateOptions) {
    return this.http.call('post', '/v1/tokens', { body }, o);
  }
  async revokeToken(id: Id, o?: CallOptions) {
    await this.http.call('delete', '/v1/tokens/{id}', { path: { id } }, o);
  }

}
