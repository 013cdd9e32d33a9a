/**
 * `defineAdapter`: the short way to write an adapter for another backend. Implement what the
 * backend can do, declare it in the capabilities, and every other method rejects with a
 * `HanseiError` of kind `unsupported` that names it, which elements already handle (they read the
 * capabilities and hide what cannot work).
 *
 * @example
 * ```ts
 * const adapter = defineAdapter('acme-health', {
 *   capabilities: { read: ['status'], write: [], live: false },
 *   async status(options) {
 *     const health = await fetch('/health.json', { signal: options?.signal }).then((r) => r.json());
 *     return toSnapshot(health);
 *   },
 * });
 * ```
 */
import type { HanseiAdapter } from './adapter.js';
import { HanseiError } from './errors.js';

type Method = Exclude<keyof HanseiAdapter, 'capabilities'>;

/** Every method of {@link HanseiAdapter}, in the order the interface declares them. */
export const ADAPTER_METHODS = [
  'session', 'status', 'uptime', 'listComponents', 'listComponentGroups', 'listIncidents', 'getIncident',
  'listMaintenances', 'getMaintenance', 'getPostmortemSummary', 'declareIncident', 'updateIncident',
  'postIncidentUpdate', 'listTimeline', 'addTimelineEvent', 'listIncidentRoles', 'assignRole', 'handOffRole',
  'releaseRole', 'linkIncident', 'unlinkIncident', 'listIncidentTemplates', 'getIncidentTemplate',
  'createIncidentTemplate', 'updateIncidentTemplate', 'deleteIncidentTemplate', 'scheduleMaintenance', 'updateMaintenance',
  'postMaintenanceUpdate', 'deleteMaintenance', 'listPostmortems', 'getPostmortem', 'createPostmortem',
  'updatePostmortem', 'deletePostmortem', 'listPostmortemTemplates', 'getPostmortemTemplate',
  'createPostmortemTemplate', 'updatePostmortemTemplate', 'deletePostmortemTemplate', 'listActions', 'getAction', 'createAction', 'updateAction', 'moveAction',
  'deleteAction', 'listSlos', 'getSlo', 'getSloReport', 'createSlo', 'updateSlo', 'deleteSlo', 'ingestSamples',
  'listPeople', 'getPerson', 'createPerson', 'updatePerson', 'deletePerson', 'metrics', 'weeklyReview',
  'getSeverityGuideline', 'replaceSeverityGuideline', 'listRoles', 'replaceRoles', 'getPage', 'replacePage',
  'createComponent', 'updateComponent', 'deleteComponent', 'createComponentGroup', 'updateComponentGroup',
  'deleteComponentGroup', 'listTokens', 'createToken', 'revokeToken', 'subscribe',
] as const satisfies readonly Method[];

// A method added to the interface but not to the list above is a compile error here.
type Unlisted = Exclude<Method, (typeof ADAPTER_METHODS)[number]>;
const everyMethodListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyMethodListed;

/** The error an adapter gives for a method its backend does not have. */
export function unsupported(adapterName: string, method: string): HanseiError {
  return new HanseiError({
    kind: 'unsupported',
    message: `The ${adapterName} adapter cannot ${method}: its backend does not offer it. Check adapter.capabilities before calling.`,
  });
}

/**
 * A complete {@link HanseiAdapter} from the methods a backend has: the others reject with kind
 * `unsupported`, and `subscribe` (when absent) reports `closed` and delivers nothing.
 */
export function defineAdapter(name: string, parts: Partial<Omit<HanseiAdapter, 'capabilities'>> & Pick<HanseiAdapter, 'capabilities'>): HanseiAdapter {
  const adapter: Record<string, unknown> = { capabilities: parts.capabilities };
  for (const method of ADAPTER_METHODS) {
    adapter[method] = () => Promise.reject(unsupported(name, method));
  }
  adapter['subscribe'] = (_listener: unknown, options?: Parameters<HanseiAdapter['subscribe']>[1]) => {
    options?.onState?.({ state: 'closed' });
    return () => {};
  };
  return Object.assign(adapter, parts) as unknown as HanseiAdapter;
}
