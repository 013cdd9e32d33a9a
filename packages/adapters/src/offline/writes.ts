/**
 * The HanseiAdapter writes the outbox can hold, and how to replay each: a create (`c`) takes an
 * idempotency key in its options, a versioned write (`v`) takes the version it was based on as
 * its last positional argument, a plain write (`p`) neither; the digit is how many positional
 * arguments come before the options. Token writes are left out on purpose: a token's secret is
 * shown once, to someone who is there, and a revocation must not wait for a connection.
 */
import type { HanseiAdapter } from '../adapter.js';

export const WRITES = {
  declareIncident: 'c1',
  updateIncident: 'v3',
  postIncidentUpdate: 'c2',
  addTimelineEvent: 'c2',
  assignRole: 'c2',
  handOffRole: 'c2',
  releaseRole: 'p2',
  linkIncident: 'p2',
  unlinkIncident: 'v3',
  scheduleMaintenance: 'c1',
  updateMaintenance: 'v3',
  postMaintenanceUpdate: 'c2',
  deleteMaintenance: 'v2',
  createPostmortem: 'c1',
  updatePostmortem: 'v3',
  deletePostmortem: 'v2',
  createIncidentTemplate: 'c1',
  updateIncidentTemplate: 'v3',
  deleteIncidentTemplate: 'v2',
  createPostmortemTemplate: 'c1',
  updatePostmortemTemplate: 'v3',
  deletePostmortemTemplate: 'v2',
  createAction: 'c1',
  updateAction: 'v3',
  moveAction: 'v3',
  deleteAction: 'v2',
  createSlo: 'c1',
  updateSlo: 'v3',
  deleteSlo: 'v2',
  ingestSamples: 'p2',
  createPerson: 'c1',
  updatePerson: 'v3',
  deletePerson: 'v2',
  replaceSeverityGuideline: 'p1',
  replaceRoles: 'p1',
  replacePage: 'p1',
  createComponent: 'c1',
  updateComponent: 'v3',
  deleteComponent: 'v2',
  createComponentGroup: 'c1',
  updateComponentGroup: 'v3',
  deleteComponentGroup: 'v2',
} as const satisfies Partial<Record<keyof HanseiAdapter, `${'c' | 'v' | 'p'}${1 | 2 | 3}`>>;

/** A write the outbox can hold. */
export type WriteMethod = keyof typeof WRITES;

/** The positional arguments of `M` (everything before its options). */
export type WriteArgs<M extends WriteMethod> = Required<Parameters<HanseiAdapter[M]>> extends [...infer A, unknown] ? A : never;

/** How `method` is replayed: its kind and how many positional arguments it takes; null when it is not a queueable write. */
export function writeSpec(method: string): { kind: 'c' | 'v' | 'p'; arity: number } | null {
  const spec = (WRITES as Record<string, string>)[method];
  return spec ? { kind: spec[0] as 'c' | 'v' | 'p', arity: Number(spec[1]) } : null;
}

/** A fresh idempotency key (a UUID where the page may make one, random hex otherwise). */
export function newIdempotencyKey(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
