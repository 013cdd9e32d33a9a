/**
 * Complete domain documents for tests that write rows directly (seed.ts writers) rather than
 * through the routes: each builder fills every field with a plain default.
 */
import type { Incident, Postmortem, PreventionAction } from '@hansei/core';
import { TEST_NOW } from './harness.js';

const NOW_ISO = new Date(TEST_NOW).toISOString();

/** An incident, resolved an hour after it started unless `fields` say otherwise. */
export function incidentDoc(fields: Partial<Incident> & Pick<Incident, 'id' | 'startedAt'>): Incident {
  const started = Date.parse(fields.startedAt);
  const at = (minutes: number) => new Date(started + minutes * 60_000).toISOString();
  return {
    title: `Incident ${fields.id}`,
    summary: '',
    severity: 'SEV3',
    impact: 'minor',
    status: 'resolved',
    visibility: 'public',
    components: [],
    labels: [],
    related: [],
    detectedAt: at(5),
    acknowledgedAt: at(10),
    mitigatedAt: at(30),
    resolvedAt: at(60),
    createdAt: at(5),
    updatedAt: at(60),
    updates: [],
    postmortemId: null,
    ...fields,
  };
}

/** An open prevention action of kind `prevent`. */
export function actionDoc(fields: Partial<PreventionAction> & Pick<PreventionAction, 'id' | 'incidentIds'>): PreventionAction {
  return {
    title: `Action ${fields.id}`,
    description: '',
    postmortemId: null,
    kind: 'prevent',
    ownerId: null,
    dueDate: null,
    status: 'todo',
    rank: 'm',
    externalUrl: null,
    effectiveness: 'unverified',
    completedAt: null,
    createdAt: NOW_ISO,
    updatedAt: NOW_ISO,
    ...fields,
  };
}

/** A draft postmortem. */
export function postmortemDoc(fields: Partial<Postmortem> & Pick<Postmortem, 'id' | 'incidentId'>): Postmortem {
  return {
    title: `Postmortem of ${fields.incidentId}`,
    ownerId: null,
    status: 'draft',
    templateId: 'default',
    sections: [],
    contributingFactors: [],
    fiveWhys: [],
    acknowledgements: [],
    labels: [],
    publicSummary: null,
    createdAt: NOW_ISO,
    updatedAt: NOW_ISO,
    publishedAt: null,
    ...fields,
  };
}
