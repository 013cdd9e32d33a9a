import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryAdapter } from '@hansei/adapters/memory';
import type { WeeklyReview } from '@hansei/core';
import { escapeMarkdown, reviewMarkdown, type ReviewWords } from './review-markdown.js';

const words: ReviewWords = {
  title: 'Weekly review 2026-W48',
  incidents: 'Incidents',
  actionsDue: 'Actions due',
  actionsOverdue: 'Overdue',
  slosBurning: 'SLOs burning',
  postmortemsInReview: 'Postmortems in review',
  recurred: 'Recurred after done',
  none: 'None.',
  daysOverdue: (n) => `${n} days overdue`,
  budgetLeft: (p) => `${p} budget left`,
  due: (d) => `due ${d}`,
};

describe('weekly review as Markdown', () => {
  it('escapes what could break the document or make links', () => {
    assert.equal(escapeMarkdown('[click](javascript:alert(1)) *bold*\n# h'), '\\[click\\]\\(javascript:alert\\(1\\)\\) \\*bold\\* # h');
    assert.equal(escapeMarkdown('<img src=x onerror=1>'), '\\<img src=x onerror=1\\>');
  });

  it('lists every section of a real review, with links to the portal', async () => {
    const adapter = new MemoryAdapter();
    const incidents = await adapter.listIncidents({ limit: 200 });
    const first = incidents.data.at(-1)!;
    const week = (await import('@hansei/core')).isoWeekOf((await import('../lib/trends.js')).mondayOf(Date.parse(first.startedAt)));
    const review: WeeklyReview = await adapter.weeklyReview(week);
    const text = reviewMarkdown(review, words, 'en', (path) => `https://hansei.example/portal/${path}`);
    assert.match(text, /^# Weekly review 2026-W48\n/);
    for (const heading of ['Incidents', 'Actions due', 'Overdue', 'SLOs burning', 'Postmortems in review', 'Recurred after done']) {
      assert.match(text, new RegExp(`^## ${heading}$`, 'm'));
    }
    assert.ok(review.incidents.length > 0);
    for (const incident of review.incidents) assert.ok(text.includes(`(https://hansei.example/portal/incidents/${encodeURIComponent(incident.id)})`));
  });

  it('says none for an empty section and keeps hostile titles inert', () => {
    const review = {
      week: '2026-W48',
      start: '',
      end: '',
      asOf: '',
      incidents: [{ id: 'x', title: '](http://evil) [x', severity: 'SEV2', status: 'resolved' }],
      actionsDue: [],
      actionsOverdue: [],
      slosBurning: [],
      postmortemsInReview: [],
      recurredAfterDone: [],
    } as unknown as WeeklyReview;
    const text = reviewMarkdown(review, words, 'en', (p) => `/portal/${p}`);
    assert.ok(text.includes('- [\\]\\(http://evil\\) \\[x](/portal/incidents/x) · SEV2 · resolved'));
    assert.match(text, /## Actions due\n\n_None._/);
  });
});
