/** The incident form's public types (event details, its update-mode value) and the shapes it stores. */
import type { Incident, IncidentUpdate, Stored } from '@hansei/core';
import type { PendingKey } from '../internal/retry-keys.js';
import type { FormModel, UpdatePlan } from './model.js';

/** `detail` of `hansei-incident-declared`. */
export interface IncidentDeclaredDetail {
  readonly incident: Stored<Incident>;
}

/** `detail` of `hansei-incident-updated`: the incident as saved, and the update when one was posted. */
export interface IncidentUpdatedDetail {
  readonly incident: Stored<Incident>;
  readonly update?: IncidentUpdate;
}

/** What an update-mode form sends: the incident, the version it was loaded at, and the plan. */
export interface IncidentFormUpdateValue extends UpdatePlan {
  readonly incidentId: string;
  readonly version: number;
}

/**
 * What a draft holds: the fields, (updating) the incident they were edited against, and the
 * idempotency key of a create that was sent or queued but not confirmed.
 */
export interface DraftValue {
  readonly model: FormModel;
  readonly base: Stored<Incident> | null;
  readonly key?: PendingKey | null;
}

/** Whether `value` is a form model (a draft or a restored state written by this element). */
export const isModel = (value: unknown): value is FormModel =>
  typeof value === 'object' && value !== null && typeof (value as FormModel).title === 'string' && Array.isArray((value as FormModel).components);

/** Whether `value` is a stored incident (a conflict's `current`, a draft's base). */
export const isIncident = (value: unknown): value is Stored<Incident> =>
  typeof value === 'object' && value !== null && typeof (value as Incident).id === 'string' && typeof (value as Stored<Incident>).version === 'number';
