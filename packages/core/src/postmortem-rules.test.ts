import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Postmortem } from './domain.js';
import {
  postmortemSummaryChange,
  postmortemTransitionProblem,
  publishedAtAfter,
} from './postmortem-rules.js';

type Shown = Pick<Postmortem, 'incidentId' | 'status' | 'title' | 'publicSummary' | 'publishedAt'>;
const pm = (over: Partial<Shown> = {}): Shown => ({ incidentId: 'inc_a', status: 'draft', title: 'Login outage', publicSummary: null, publishedAt: null, ...over });
const published = pm({ status: 'published', publicSummary: 'A certificate expired.', publishedAt: '2026-11-25T09:00:00.000Z' });

describe('postmortem rules', () => {
  it('goes through review to published, and only an admin takes it back', () => {
    assert.equal(postmortemTransitionProblem('draft', 'in_review', false), null);
    assert.equal(postmortemTransitionProblem('in_review', 'draft', false), null);
    assert.equal(postmortemTransitionProblem('in_review', 'published', false), null);
    assert.equal(postmortemTransitionProblem('draft', 'published', true)?.status, 409);
    assert.equal(postmortemTransitionProblem('published', 'draft', true)?.status, 409);
    assert.equal(postmortemTransitionProblem('published', 'in_review', false)?.status, 403);
    assert.equal(postmortemTransitionProblem('published', 'in_review', true), null);
    assert.equal(postmortemTransitionProblem('published', 'published', false), null);
  });
  it('stamps publishedAt when published, keeps it while published, clears it otherwise', () => {
    const at = '2026-11-26T00:00:00.000Z';
    assert.equal(publishedAtAfter(pm({ status: 'in_review' }), 'published', at), at);
    assert.equal(publishedAtAfter(published, 'published', at), published.publishedAt);
    assert.equal(publishedAtAfter(published, 'in_review', at), null);
  });
  it('tells readers only what they see change', () => {
    assert.deepEqual(postmortemSummaryChange(pm({ status: 'in_review' }), published), {
      type: 'updated',
      summary: { incidentId: 'inc_a', title: 'Login outage', publicSummary: 'A certificate expired.', publishedAt: published.publishedAt },
    });
    assert.equal(postmortemSummaryChange(published, { ...published }), null, 'nothing readers see changed');
    assert.equal(postmortemSummaryChange(published, { ...published, title: 'New title' })?.type, 'updated');
    assert.deepEqual(postmortemSummaryChange(published, { ...published, status: 'in_review' }), { type: 'deleted', incidentId: 'inc_a' });
    assert.deepEqual(postmortemSummaryChange(published, null), { type: 'deleted', incidentId: 'inc_a' });
    assert.equal(postmortemSummaryChange(pm(), pm({ status: 'in_review' })), null, 'drafts are never shown');
    assert.equal(postmortemSummaryChange(null, null), null);
  });
});
