import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_POSTMORTEM_TEMPLATE } from './postmortem-templates.js';
import { factorsWithIds, patchedPostmortem, publicationIssue, startedPostmortem } from './postmortem-writes.js';
import { PostmortemCreateSchema, PostmortemPatchSchema } from './schemas.js';
import { assertValid } from './validate.js';

const now = '2026-11-25T10:00:00.000Z';

/** Ids cf_1, cf_2, ... in the order asked for. */
function counter(): () => string {
  let n = 0;
  return () => `cf_${++n}`;
}

const start = (input: Record<string, unknown>) =>
  startedPostmortem(assertValid(PostmortemCreateSchema, { incidentId: 'inc_1', ...input }), {
    id: 'pm_1',
    incidentTitle: 'Checkout fails',
    template: DEFAULT_POSTMORTEM_TEMPLATE,
    now,
    newFactorId: counter(),
  });

describe('factorsWithIds', () => {
  it('keeps the ids factors were sent with and gives new ones an id, in order', () => {
    const factors = factorsWithIds(
      [
        { category: 'architecture_infrastructure', description: 'No timeout' },
        { id: 'cf_old', category: 'release_monitoring_operations', description: 'No review' },
        { category: 'cross_team_coordination', description: 'On-call too thin' },
      ],
      counter(),
    );
    assert.deepEqual(factors.map((f) => f.id), ['cf_1', 'cf_old', 'cf_2']);
  });
});

describe('startedPostmortem', () => {
  it('is a draft titled like the incident, with the template sections empty', () => {
    const doc = start({});
    assert.equal(doc.id, 'pm_1');
    assert.equal(doc.title, 'Checkout fails');
    assert.equal(doc.status, 'draft');
    assert.equal(doc.templateId, DEFAULT_POSTMORTEM_TEMPLATE.id);
    assert.deepEqual(doc.sections, DEFAULT_POSTMORTEM_TEMPLATE.sections.map((s) => ({ key: s.key, title: s.title.en, body: '' })));
    assert.deepEqual([doc.createdAt, doc.updatedAt, doc.publishedAt], [now, now, null]);
  });
  it('takes a title, sections and factors the request gives', () => {
    const doc = start({ title: 'Checkout outage review', sections: [{ key: 'summary', title: 'Summary', body: 'It broke.' }], contributingFactors: [{ category: 'architecture_infrastructure', description: 'No timeout' }] });
    assert.equal(doc.title, 'Checkout outage review');
    assert.deepEqual(doc.sections, [{ key: 'summary', title: 'Summary', body: 'It broke.' }]);
    assert.deepEqual(doc.contributingFactors, [{ id: 'cf_1', category: 'architecture_infrastructure', description: 'No timeout' }]);
  });
});

describe('patchedPostmortem', () => {
  const before = start({ contributingFactors: [{ category: 'architecture_infrastructure', description: 'No timeout' }] });
  const later = '2026-11-26T10:00:00.000Z';
  it('changes the fields given, keeps the factors when none are given', () => {
    const doc = patchedPostmortem(before, assertValid(PostmortemPatchSchema, { title: 'Renamed' }), later, counter());
    assert.deepEqual(doc, { ...before, title: 'Renamed', updatedAt: later });
  });
  it('replaces the factors, giving new ones ids', () => {
    const doc = patchedPostmortem(before, assertValid(PostmortemPatchSchema, { contributingFactors: [{ id: 'cf_1', category: 'architecture_infrastructure', description: 'No timeout' }, { category: 'release_monitoring_operations', description: 'No review' }] }), later, () => 'cf_new');
    assert.deepEqual(doc.contributingFactors.map((f) => f.id), ['cf_1', 'cf_new']);
  });
  it('is published when the patch publishes it, and keeps that time while it stays published', () => {
    const published = patchedPostmortem({ ...before, status: 'in_review' }, assertValid(PostmortemPatchSchema, { status: 'published', publicSummary: 'We fixed it.' }), later, counter());
    assert.equal(published.publishedAt, later);
    const edited = patchedPostmortem(published, assertValid(PostmortemPatchSchema, { publicSummary: 'We fixed it for good.' }), '2026-11-27T10:00:00.000Z', counter());
    assert.equal(edited.publishedAt, later);
    const withdrawn = patchedPostmortem(edited, assertValid(PostmortemPatchSchema, { status: 'in_review' }), '2026-11-28T10:00:00.000Z', counter());
    assert.equal(withdrawn.publishedAt, null);
  });
});

describe('publicationIssue', () => {
  it('asks for a public summary before publishing', () => {
    assert.deepEqual(publicationIssue({ status: 'published', publicSummary: null }), { path: 'publicSummary', message: 'A published postmortem needs a public summary: the text the status page shows.' });
    assert.notEqual(publicationIssue({ status: 'published', publicSummary: '' }), null);
    assert.equal(publicationIssue({ status: 'published', publicSummary: 'We fixed it.' }), null);
    assert.equal(publicationIssue({ status: 'draft', publicSummary: null }), null);
  });
});
