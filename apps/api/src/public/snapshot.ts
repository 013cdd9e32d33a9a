/**
 * `GET /v1/status.json`: the {@link StatusSnapshot}, everything the public status page shows at
 * first sight in one document, in the kit's own shapes (the `/api/v2` documents keep
 * Statuspage's). It is core's `statusSnapshot` of the same public data the v2 documents are made
 * from (so the same rules, and the same answer the in-memory adapter gives): visible components
 * with their effective statuses, the page status of `status.json`, groups with a visible member,
 * unresolved public incidents, maintenances not yet completed. Anonymous, CORS-open, cached like
 * the v2 documents until the next change event.
 *
 * Nothing internal: public incidents only (in their public view, see data.ts), with their public
 * updates, and no component the page hides, neither in an incident's components nor in an
 * update's changes (core's `statusSnapshot` leaves them out, as the v2 documents do).
 */
import type { Hono } from 'hono';
import { statusSnapshot, type StatusSnapshot } from '@hansei/core';
import type { PublicData } from './data.js';
import { preflight } from './respond.js';
import type { PublicSource } from './source.js';
import { JSON_TYPE } from './statuspage.js';

export const SNAPSHOT_PATH = '/v1/status.json';

/** The snapshot of `input` (the public data), stamped `generatedAt` (an ISO instant). */
export function snapshotOf({ data }: PublicData, generatedAt: string): StatusSnapshot {
  return statusSnapshot(data, generatedAt);
}

/** Mounts {@link SNAPSHOT_PATH} and its CORS preflight; the server's clock stamps each rendering. */
export function mountSnapshot(app: Hono, source: PublicSource): void {
  const render = (input: PublicData) => JSON.stringify(snapshotOf(input, new Date(source.services.now()).toISOString()));
  app.get(SNAPSHOT_PATH, (c) => source.serve(c, SNAPSHOT_PATH, JSON_TYPE, render));
  app.options(SNAPSHOT_PATH, preflight);
}
