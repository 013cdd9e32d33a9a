/**
 * The status snapshot in memory: the public page at first sight, built by core's
 * `statusSnapshot` from what anonymous readers may see (public incidents in their public view),
 * the same way for every caller.
 */
import { publicIncident, statusSnapshot, type StatusSnapshot } from '@hansei/core';
import { deepFreeze } from './state.js';
import { fullIncident, publicIncidentIds, type Ctx } from './context.js';

export function status(ctx: Ctx): StatusSnapshot {
  const state = ctx.store.state;
  const publicIds = publicIncidentIds(ctx);
  const incidents = [...state.incidents.values()].filter((r) => publicIds.has(r.doc.id)).map((r) => publicIncident(fullIncident(ctx, r), publicIds));
  const snapshot = statusSnapshot(
    {
      page: state.page.doc,
      groups: [...state.groups.values()].map((r) => r.doc),
      components: [...state.components.values()].map((r) => r.doc),
      incidents,
      maintenances: [...state.maintenances.values()].map((r) => r.doc),
    },
    ctx.store.isoNow(),
  );
  return deepFreeze(structuredClone(snapshot));
}
