/**
 * Sending what the form holds through the adapter: a declare, or an update (the changed fields
 * with the version, then the update post), with idempotency keys that make a retry of a create
 * that failed in transit happen once.
 */
import type { HanseiAdapter } from '@hansei/adapters';
import type { Incident, IncidentUpdate, Stored } from '@hansei/core';
import { isQueuedWrite, queuedTogether, type QueuedWrite } from '../internal/queued.js';
import { create, type RetryKeys } from '../internal/retry-keys.js';
import { createRequest, updatePlan, type FormModel } from './model.js';

/** Declares the incident `model` describes. */
export function declare(source: HanseiAdapter, model: FormModel, keys: RetryKeys): Promise<Stored<Incident>> {
  const request = createRequest(model);
  return create(keys, request, (options) => source.declareIncident(request, options));
}

/**
 * Brings `base` to `model`: the changed fields through `updateIncident` with `base.version`
 * (`onSaved` hears of the new version at once, so a retry after a failed post does not patch
 * again), then the update through `postIncidentUpdate`. Offline (behind withOffline) the update
 * goes to the outbox behind the change, and the queued error names both.
 */
export async function update(
  source: HanseiAdapter,
  model: FormModel,
  base: Stored<Incident>,
  keys: RetryKeys,
  onSaved: (incident: Stored<Incident>) => void,
): Promise<{ incident: Stored<Incident>; update?: IncidentUpdate }> {
  const { patch, post } = updatePlan(model, base);
  let incident = base;
  let waiting: QueuedWrite | null = null;
  if (patch) {
    try {
      incident = await source.updateIncident(base.id, patch, base.version);
      onSaved(incident);
    } catch (error) {
      if (!post || !isQueuedWrite(error)) throw error;
      waiting = error;
    }
  }
  if (!post) return { incident };
  try {
    return await create(keys, post, (options) => source.postIncidentUpdate(base.id, post, options));
  } catch (error) {
    throw waiting && isQueuedWrite(error) ? queuedTogether([waiting], error) : error;
  }
}
