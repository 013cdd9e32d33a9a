import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Postmortem, PreventionAction } from './domain.js';
import { markdownText, parseMarkdown, type MdBlock } from './markdown.js';
import { postmortemMarkdown } from './postmortem-markdown.js';
import { GOOGLE_SRE_POSTMORTEM_TEMPLATE } from './postmortem-template-library.js';

const pm: Postmortem = {
  id: 'pm_1',
  incidentId: 'inc_1',
  title: 'Payments **down** <script>alert(1)</script>',
  ownerId: 'per_a',
  status: 'published',
  templateId: 'default',
  sections: [
    { key: 'summary', title: 'Summary', body: 'A deploy broke **card payments**.\n\n# A heading inside\n\n```\n# not a heading\n```' },
    { key: 'impact', title: 'Impact', body: '' },
    { key: 'contributing_factors', title: 'Contributing factors', body: 'See below.' },
    { key: 'custom', title: 'Our | own [section]', body: 'Text.' },
  ],
  contributingFactors: [
    { id: 'cf_1', category: 'release_monitoring_operations', description: 'No canary: *every* node got v2 at once | fast' },
    { id: 'cf_2', category: 'culture', description: '- Pressure to ship before the campaign' },
  ],
  fiveWhys: [
    { question: 'Why did payments fail?', answer: 'The gateway client timed out.' },
    { question: 'Why [1]?', answer: '' },
  ],
  acknowledgements: [
    { personId: 'per_b', name: 'Kenji_Sato', note: 'Rolled back in 4 minutes.' },
    { personId: null, name: 'Support team', note: '' },
  ],
  labels: ['payments', 'v2_rollout'],
  publicSummary: 'A faulty release broke card payments for 40 minutes.',
  createdAt: '2026-11-24T00:00:00.000Z',
  updatedAt: '2026-11-30T00:00:00.000Z',
  publishedAt: '2026-11-30T15:30:00.000Z',
};

const action = (id: string, kind: PreventionAction['kind'], extra: Partial<PreventionAction> = {}): PreventionAction => ({
  id,
  title: `Action ${id}`,
  description: '',
  incidentIds: ['inc_1'],
  postmortemId: 'pm_1',
  kind,
  ownerId: null,
  dueDate: null,
  status: 'todo',
  rank: 'a0',
  externalUrl: null,
  effectiveness: 'unverified',
  completedAt: null,
  createdAt: '2026-11-24T00:00:00.000Z',
  updatedAt: '2026-11-24T00:00:00.000Z',
  ...extra,
});

const people = [
  { id: 'per_a', name: 'Yui Tanaka' },
  { id: 'per_c', name: 'Aiko *W*' },
];
const incident = { id: 'inc_1', title: 'Card payments failing', severity: 'SEV2', startedAt: '2026-11-24T14:50:00.000Z', resolvedAt: '2026-11-24T15:30:00.000Z' };

/** Headings of parsed Markdown, in order (the kit's parser shows them as heading blocks). */
const headings = (blocks: readonly MdBlock[]) => blocks.filter((b) => b.type === 'heading').map((b) => `${b.type === 'heading' ? b.level : 0} ${markdownText([b])}`);

describe('postmortem Markdown export', () => {
  it('writes the title, facts and every section, keeping plain text as typed', () => {
    const md = postmortemMarkdown({ postmortem: pm, incident, people, actions: [], locale: 'en', timeZone: 'Asia/Tokyo' });
    const blocks = parseMarkdown(md);
    assert.deepEqual(headings(blocks), [
      '1 Payments **down** <script>alert(1)</script>',
      '2 Summary',
      '3 A heading inside',
      '2 Contributing factors',
      '2 Our | own [section]',
      '2 Five whys',
      '2 Prevention actions',
      '2 Thanks',
      '2 Public summary',
    ]);
    assert.match(md, /^- \*\*Status:\*\* Published \(published 2026-12-01\)$/m, 'dates in the reader’s zone');
    assert.match(md, /^- \*\*Incident:\*\* Card payments failing \(SEV2, 2026-11-24 – 2026-11-25\)$/m);
    assert.match(md, /^- \*\*Owner:\*\* Yui Tanaka$/m);
    assert.match(md, /^- \*\*Labels:\*\* payments, v2\\_rollout$/m);
    assert.match(md, /```\n# not a heading\n```/, 'code keeps its lines');
    assert.doesNotMatch(md, /## Impact/, 'an empty section is left out');
    const text = markdownText(blocks);
    assert.match(text, /Release and monitoring operations: No canary: \*every\* node got v2 at once \| fast/);
    assert.match(text, /Culture: - Pressure to ship/);
    assert.match(text, /Why did payments fail\? The gateway client timed out\./);
    assert.match(text, /Why \[1\]\?/);
    assert.match(text, /Kenji_Sato: Rolled back in 4 minutes\./);
    assert.match(text, /No prevention actions yet\./);
    assert.ok(md.endsWith('for 40 minutes.\n'));
  });

  it('lists the actions with the balance, and asks for a root cause when there is none', () => {
    const actions = [
      action('a1', 'mitigate', { ownerId: 'per_c', dueDate: '2026-12-10', externalUrl: 'https://jira.example/browse/PAY-1 (v2)' }),
      action('a2', 'detect', { status: 'done', externalUrl: 'javascript:alert(1)' }),
      action('a3', 'prevent', { postmortemId: null, incidentIds: ['inc_other'] }),
    ];
    const md = postmortemMarkdown({ postmortem: pm, people, actions, locale: 'en', timeZone: 'UTC' });
    assert.match(md, /^\| Action \| Kind \| Owner \| Due \| Status \|$/m);
    assert.match(md, /^\| \[Action a1\]\(https:\/\/jira\.example\/browse\/PAY-1%20%28v2%29\) \| Mitigate \| Aiko \\\*W\\\* \| 2026-12-10 \| To do \|$/m);
    assert.match(md, /^\| Action a2 \| Detect \| {2}\| {2}\| Done \|$/m);
    assert.doesNotMatch(md, /a3|javascript/);
    assert.match(md, /^\*\*Balance:\*\* Short-term 2, Root cause 0 No root-cause action yet\.$/m);
    const balanced = postmortemMarkdown({ postmortem: pm, actions: [action('a4', 'process')], locale: 'ja', timeZone: 'UTC' });
    assert.match(balanced, /^\*\*バランス:\*\* 短期対応 0、根本対策 1$/m);
  });

  it('follows the template’s order, and writes Japanese', () => {
    const sre = { ...pm, templateId: 'google-sre', sections: [{ key: 'timeline', title: 'タイムライン', body: '| a |\n|---|\n| b |' }, { key: 'summary', title: 'サマリー', body: '概要。' }], fiveWhys: [], acknowledgements: [], contributingFactors: [], publicSummary: null, status: 'draft' as const, publishedAt: null, ownerId: null, labels: [] };
    const md = postmortemMarkdown({ postmortem: sre, template: GOOGLE_SRE_POSTMORTEM_TEMPLATE, locale: 'ja', timeZone: 'Asia/Tokyo' });
    assert.deepEqual(headings(parseMarkdown(md)), ['1 Payments **down** <script>alert(1)</script>', '2 サマリー', '2 タイムライン', '2 再発防止策']);
    assert.match(md, /^- \*\*ステータス:\*\* 下書き$/m);
    assert.match(md, /再発防止策はまだありません。/);
  });
});
