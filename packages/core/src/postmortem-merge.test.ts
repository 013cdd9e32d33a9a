import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { contentOf, contentPatch, mergeContent, resolveConflict, sameContent, type PostmortemContent } from './postmortem-merge.js';

const base: PostmortemContent = {
  title: 'Payments down',
  ownerId: 'per_a',
  sections: [
    { key: 'summary', title: 'Summary', body: '' },
    { key: 'impact', title: 'Impact', body: 'Some payments failed.' },
    { key: 'lessons', title: 'Lessons', body: '' },
  ],
  contributingFactors: [{ id: 'cf_1', category: 'culture', description: 'Pressure' }],
  fiveWhys: [],
  acknowledgements: [],
  labels: ['payments'],
  publicSummary: null,
};

const edit = (from: PostmortemContent, key: string, body: string): PostmortemContent => ({
  ...from,
  sections: from.sections.map((s) => (s.key === key ? { ...s, body } : s)),
});

describe('postmortem merge', () => {
  it('takes what only one side changed, from that side', () => {
    const mine = { ...edit(base, 'summary', 'A deploy broke payments.'), labels: ['payments', 'deploys'] };
    const theirs = { ...edit(base, 'impact', '12% of payments failed.'), title: 'Card payments down' };
    const { merged, conflicts } = mergeContent(base, mine, theirs);
    assert.deepEqual(conflicts, []);
    assert.deepEqual(
      merged.sections.map((s) => s.body),
      ['A deploy broke payments.', '12% of payments failed.', ''],
    );
    assert.deepEqual([merged.title, merged.labels], ['Card payments down', ['payments', 'deploys']]);
    assert.ok(sameContent(mergeContent(base, base, base).merged, base));
    assert.ok(sameContent(mergeContent(base, mine, mine).merged, mine), 'the same change on both sides is no conflict');
  });

  it('reports both changing one section, holding mine until resolved, each way', () => {
    const mine = { ...edit(base, 'impact', 'Mine: 12% failed.'), publicSummary: 'Mine.' };
    const theirs = { ...edit(base, 'impact', 'Theirs: card payments failed.'), publicSummary: 'Theirs.' };
    const { merged, conflicts } = mergeContent(base, mine, theirs);
    assert.deepEqual(conflicts.map((c) => (c.field === 'section' ? `section:${c.key}` : c.field)), ['publicSummary', 'section:impact']);
    assert.equal(merged.sections[1]?.body, 'Mine: 12% failed.');
    const section = conflicts[1]!;
    assert.equal(resolveConflict(merged, section, 'theirs').sections[1]?.body, 'Theirs: card payments failed.');
    assert.equal(resolveConflict(merged, section, 'mine').sections[1]?.body, 'Mine: 12% failed.');
    assert.equal(resolveConflict(merged, section, 'both').sections[1]?.body, 'Theirs: card payments failed.\n\nMine: 12% failed.');
    const summary = conflicts[0]!;
    assert.equal(resolveConflict(merged, summary, 'both').publicSummary, 'Theirs.\n\nMine.');
    assert.equal(resolveConflict(merged, summary, 'theirs').publicSummary, 'Theirs.');
    assert.equal(resolveConflict({ ...merged, publicSummary: null }, { field: 'publicSummary', base: null, mine: ' ', theirs: null }, 'both').publicSummary, null);
  });

  it('joins lists on "both", without repeating what both have', () => {
    const added = { category: 'skills' as const, description: 'Only one person knew the gateway' };
    const mine = { ...base, contributingFactors: [...base.contributingFactors, added], labels: ['payments', 'mine'] };
    const theirs = { ...base, contributingFactors: [{ id: 'cf_1', category: 'culture' as const, description: 'Pressure to ship' }], labels: ['theirs'] };
    const { merged, conflicts } = mergeContent(base, mine, theirs);
    assert.deepEqual(conflicts.map((c) => c.field), ['contributingFactors', 'labels']);
    const factors = resolveConflict(merged, conflicts[0]!, 'both').contributingFactors;
    assert.deepEqual(factors.map((f) => f.description), ['Pressure to ship', 'Pressure', 'Only one person knew the gateway']);
    assert.deepEqual(resolveConflict(merged, conflicts[1]!, 'both').labels, ['theirs', 'payments', 'mine']);
    assert.equal(resolveConflict(merged, { field: 'title', base: 'a', mine: 'b', theirs: 'c' }, 'both').title, 'c', 'one text field: theirs');
  });

  it('never loses a section only one side has', () => {
    const mine = { ...base, sections: [...base.sections, { key: 'custom', title: 'Ours', body: 'New' }] };
    const theirs = { ...base, sections: [...base.sections, { key: 'other', title: 'Theirs', body: 'Also new' }] };
    assert.deepEqual(mergeContent(base, mine, theirs).merged.sections.map((s) => s.key), ['summary', 'impact', 'lessons', 'other', 'custom']);
    // They removed a section I changed: a conflict, mine kept until settled.
    const removed = { ...base, sections: base.sections.filter((s) => s.key !== 'lessons') };
    const changed = edit(base, 'lessons', 'Mine');
    const { merged, conflicts } = mergeContent(base, changed, removed);
    assert.deepEqual([merged.sections.map((s) => s.key), conflicts.length], [['summary', 'impact', 'lessons'], 1]);
    assert.deepEqual(resolveConflict(merged, conflicts[0]!, 'theirs').sections.map((s) => s.key), ['summary', 'impact']);
    assert.deepEqual(resolveConflict(merged, conflicts[0]!, 'both').sections.map((s) => s.body), ['', 'Some payments failed.', 'Mine']);
    // I removed a section they changed: theirs is kept.
    const { merged: kept, conflicts: again } = mergeContent(base, removed, changed);
    assert.deepEqual([kept.sections.find((s) => s.key === 'lessons')?.body, again.length], ['Mine', 1]);
    // A section they removed that I left alone goes.
    assert.deepEqual(mergeContent(base, base, removed).merged.sections.map((s) => s.key), ['summary', 'impact']);
  });

  it('sends only what changed', () => {
    assert.deepEqual(contentPatch(base, base), {});
    const changed = { ...edit(base, 'summary', 'Now'), ownerId: null };
    assert.deepEqual(Object.keys(contentPatch(base, changed)).sort(), ['ownerId', 'sections']);
    const stored = { ...base, id: 'pm_1', status: 'draft', extra: true } as unknown as Parameters<typeof contentOf>[0];
    assert.deepEqual(contentOf(stored), base);
  });
});
