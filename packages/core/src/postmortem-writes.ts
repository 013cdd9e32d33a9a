/**
 * The postmortem documents a backend writes: the one started for an incident, and one after an
 * edit, with ids for new contributing factors and the publication time its status implies. Pure:
 * ids and times come from the caller, so the reference server and the in-memory adapter write
 * the same documents.
 */
import type { ContributingFactor, ContributingFactorCategory, Id, IsoDateTime, Postmortem, PostmortemTemplate } from './domain.js';
import { publishedAtAfter } from './postmortem-rules.js';
import type { PostmortemCreateInput, PostmortemPatchInput } from './schemas.js';
import type { ValidationIssue } from './validate.js';

/** A contributing factor as sent: a new one has no id yet. */
export interface FactorInput {
  readonly id?: Id | undefined;
  readonly category: ContributingFactorCategory;
  readonly description: string;
}

/** `factors` with ids: each keeps the id it was sent with, a new one gets `newId()` (called in list order). */
export function factorsWithIds(factors: readonly FactorInput[], newId: () => Id): ContributingFactor[] {
  return factors.map((f) => ({ id: f.id ?? newId(), category: f.category, description: f.description }));
}

/** What {@link startedPostmortem} needs besides the request. */
export interface PostmortemStart {
  readonly id: Id;
  /** The title when the request gives none. */
  readonly incidentTitle: string;
  /** The template its sections come from, when the request gives none. */
  readonly template: PostmortemTemplate;
  readonly now: IsoDateTime;
  /** An id for each new contributing factor. */
  readonly newFactorId: () => Id;
}

/**
 * The postmortem `body` starts: a draft titled like its incident unless given a title, with the
 * template's sections (English titles, empty bodies) unless given sections, created and updated
 * `now`, not published.
 */
export function startedPostmortem(body: PostmortemCreateInput, start: PostmortemStart): Postmortem {
  return {
    id: start.id,
    incidentId: body.incidentId,
    title: body.title ?? start.incidentTitle,
    ownerId: body.ownerId,
    status: 'draft',
    templateId: start.template.id,
    sections: body.sections ?? start.template.sections.map((s) => ({ key: s.key, title: s.title.en, body: '' })),
    contributingFactors: factorsWithIds(body.contributingFactors, start.newFactorId),
    fiveWhys: body.fiveWhys,
    acknowledgements: body.acknowledgements,
    labels: body.labels,
    publicSummary: body.publicSummary,
    createdAt: start.now,
    updatedAt: start.now,
    publishedAt: null,
  };
}

/**
 * `before` with the fields `patch` gives (lists replace the stored ones; new contributing factors
 * get `newFactorId()`), updated `now`, and published `now` when the patch publishes it (kept
 * while it stays published, cleared when it leaves). Whether the status may move is not checked
 * here: see `postmortemTransitionProblem`.
 */
export function patchedPostmortem(before: Postmortem, patch: PostmortemPatchInput, now: IsoDateTime, newFactorId: () => Id): Postmortem {
  const { contributingFactors, ...rest } = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as PostmortemPatchInput;
  return {
    ...before,
    ...rest,
    contributingFactors: contributingFactors ? factorsWithIds(contributingFactors, newFactorId) : before.contributingFactors,
    updatedAt: now,
    publishedAt: publishedAtAfter(before, patch.status ?? before.status, now),
  };
}

/** The issue that keeps `postmortem` from being stored: published without a public summary (what the status page shows). */
export function publicationIssue(postmortem: Pick<Postmortem, 'status' | 'publicSummary'>): ValidationIssue | null {
  if (postmortem.status !== 'published' || postmortem.publicSummary) return null;
  return { path: 'publicSummary', message: 'A published postmortem needs a public summary: the text the status page shows.' };
}
