/**
 * Postmortem rules a backend applies: the status flow (draft <-> in_review -> published, an
 * admin taking a published one back to review), when it counts as published, and what the status
 * page learns when that changes. Pure. The templates are in postmortem-templates.ts.
 */
import type { PostmortemSummary } from './answers.js';
import type { Id, IsoDateTime, Postmortem, PostmortemStatus } from './domain.js';

/** Why a status change is refused: 403 (the role may not) or 409 (nobody may), with what to do. */
export interface TransitionProblem {
  readonly status: 403 | 409;
  readonly detail: string;
}

/**
 * Why a postmortem may not go from `from` to `to` (null: it may). Allowed: draft <-> in_review,
 * in_review -> published, and published -> in_review by an admin only (taking it off the status
 * page). Never straight from draft to published, nor from published back to draft.
 */
export function postmortemTransitionProblem(from: PostmortemStatus, to: PostmortemStatus, isAdmin: boolean): TransitionProblem | null {
  if (from === to) return null;
  if (from === 'draft' && to === 'published') return { status: 409, detail: 'A draft cannot be published directly: send it for review first (status in_review), then publish it.' };
  if (from === 'published' && to === 'draft') return { status: 409, detail: 'A published postmortem cannot go back to draft: an admin can take it back to in_review.' };
  if (from === 'published' && !isAdmin) return { status: 403, detail: 'Only an admin can take a published postmortem back to review (it comes off the status page).' };
  return null;
}

/**
 * `publishedAt` of a postmortem moving from `before` to `status` at `at`: kept while it stays
 * published, `at` when it is published now, null when it is not published.
 */
export function publishedAtAfter(before: Pick<Postmortem, 'status' | 'publishedAt'>, status: PostmortemStatus, at: IsoDateTime): IsoDateTime | null {
  if (status !== 'published') return null;
  return before.status === 'published' ? before.publishedAt : at;
}

/** What status-page readers must be told when a postmortem of a public incident changes. */
export type SummaryChange =
  | { readonly type: 'updated'; readonly summary: PostmortemSummary }
  | { readonly type: 'deleted'; readonly incidentId: Id };

/**
 * What the status page's view of a postmortem changed by going from `before` to `after` (either
 * null: created or deleted): `updated` when it is published and its title or public summary is
 * new to readers, `deleted` when it was shown and no longer is, null when readers see no change.
 * Only call it for postmortems of public incidents: readers never see the others.
 */
export function postmortemSummaryChange(
  before: Pick<Postmortem, 'incidentId' | 'status' | 'title' | 'publicSummary' | 'publishedAt'> | null,
  after: Pick<Postmortem, 'incidentId' | 'status' | 'title' | 'publicSummary' | 'publishedAt'> | null,
): SummaryChange | null {
  const incidentId = (after ?? before)?.incidentId;
  if (incidentId === undefined) return null;
  const wasShown = before?.status === 'published';
  if (after?.status === 'published') {
    if (wasShown && before.title === after.title && before.publicSummary === after.publicSummary) return null;
    return { type: 'updated', summary: { incidentId, title: after.title, publicSummary: after.publicSummary ?? '', publishedAt: after.publishedAt ?? '' } };
  }
  return wasShown ? { type: 'deleted', incidentId } : null;
}
