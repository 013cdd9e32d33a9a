import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as v from 'valibot';
import type { Postmortem } from './domain.js';
import { foldText } from './prevention-board.js';
import { postmortemMatches, postmortemSearchText, searchWords, type SearchedIncident } from './postmortem-search.js';
import { PostmortemListQuerySchema } from './schemas.js';

const postmortem: Postmortem = {
  id: 'pm_1',
  incidentId: 'inc_1',
  title: 'Checkout slow',
  ownerId: 'per_a',
  status: 'in_review',
  templateId: 'default',
  sections: [
    { key: 'summary', title: 'Summary', body: 'The DB primary ran out of connections.' },
    { key: 'lessons', title: '教訓', body: 'コネクションプールの上限を監視する' },
  ],
  contributingFactors: [{ id: 'cf_1', category: 'architecture_infrastructure', description: 'One primary for every write' }],
  fiveWhys: [{ question: 'Why did the pool fill?', answer: 'A retry storm' }],
  acknowledgements: [],
  labels: ['payments'],
  publicSummary: 'Checkout was slow for 20 minutes.',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
  publishedAt: null,
};
const incident: SearchedIncident = { title: 'Card payments failing', components: [{ componentId: 'cmp_api', status: 'degraded_performance' }], labels: ['team:sre'] };
const matches = (query: Record<string, unknown>, inc: SearchedIncident = incident) => postmortemMatches(postmortem, inc, v.parse(PostmortemListQuerySchema, query));

describe('postmortem search', () => {
  it('folds case and width, and splits words at any space', () => {
    assert.equal(foldText('ＤＢ Lock'), 'db lock');
    assert.deepEqual(searchWords('  Ｄｂ\u3000Primary  '), ['db', 'primary']);
    assert.deepEqual(searchWords(undefined), []);
    assert.deepEqual(searchWords('   '), []);
  });

  it('searches title, summary, sections, factors, five whys, labels and the incident title', () => {
    const text = postmortemSearchText(postmortem, 'Card payments failing');
    for (const part of ['Checkout slow', 'for 20 minutes', '教訓', 'ran out of connections', 'One primary', 'pool fill', 'retry storm', 'payments', 'Card payments failing']) {
      assert.ok(text.includes(part), part);
    }
  });

  it('needs every word, however it was typed', () => {
    assert.ok(matches({ q: 'Ｄｂ primary' }));
    assert.ok(matches({ q: 'RETRY storm' }));
    assert.ok(matches({ q: 'コネクションプール' }));
    assert.ok(matches({ q: 'failing' }), "the incident's title");
    assert.ok(!matches({ q: 'failing' }, null), 'no incident, no incident title');
    assert.ok(!matches({ q: 'db nothing-has-this' }));
  });

  it('filters by status, owner, incident, label (postmortem or incident), component and category', () => {
    assert.ok(matches({ status: 'in_review,draft' }));
    assert.ok(!matches({ status: 'published' }));
    assert.ok(matches({ owner: 'per_a' }) && !matches({ owner: 'per_b' }));
    assert.ok(matches({ incident: 'inc_1' }) && !matches({ incident: 'inc_2' }));
    assert.ok(matches({ label: 'payments' }) && matches({ label: 'team:sre' }) && !matches({ label: 'auth' }));
    assert.ok(!matches({ label: 'team:sre' }, null));
    assert.ok(matches({ component: 'cmp_api' }) && !matches({ component: 'cmp_web' }) && !matches({ component: 'cmp_api' }, null));
    assert.ok(matches({ category: ['culture', 'architecture_infrastructure'] }) && !matches({ category: 'culture' }));
    assert.ok(matches({ q: 'db', category: 'architecture_infrastructure', component: 'cmp_api', label: 'payments' }));
    assert.ok(!matches({ q: 'db', category: 'skills', component: 'cmp_api' }));
  });

  it('refuses a category that is not one of the list, naming the choices', () => {
    const result = v.safeParse(PostmortemListQuerySchema, { category: 'luck' });
    assert.equal(result.success, false);
    assert.match(result.issues?.[0]?.message ?? '', /Category must be one of product_quality, .*culture/);
  });
});
