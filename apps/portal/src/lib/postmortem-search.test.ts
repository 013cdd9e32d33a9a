import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryAdapter } from '@hansei/adapters/memory';
import { fold, searchLibrary, type LibraryEntry } from './postmortem-search.js';

async function library(): Promise<LibraryEntry[]> {
  const adapter = new MemoryAdapter();
  const postmortems = (await adapter.listPostmortems({ limit: 200 })).data;
  return Promise.all(postmortems.map(async (postmortem) => ({ postmortem, incident: await adapter.getIncident(postmortem.incidentId) })));
}

describe('postmortem library search', () => {
  it('folds case and width', () => {
    assert.equal(fold('ＤＢ Lock'), 'db lock');
  });

  it('filters by category, component, label, status and words, all at once', async () => {
    const entries = await library();
    assert.ok(entries.length >= 5);
    assert.equal(searchLibrary(entries, {}).length, entries.length);
    const withFactor = entries.find((e) => e.postmortem.contributingFactors.length > 0)!;
    const category = withFactor.postmortem.contributingFactors[0]!.category;
    const byCategory = searchLibrary(entries, { category });
    assert.ok(byCategory.length > 0 && byCategory.every((e) => e.postmortem.contributingFactors.some((f) => f.category === category)));
    const component = withFactor.incident!.components[0]?.componentId;
    if (component) {
      const byComponent = searchLibrary(entries, { component });
      assert.ok(byComponent.some((e) => e.postmortem.id === withFactor.postmortem.id));
      assert.ok(byComponent.every((e) => e.incident!.components.some((c) => c.componentId === component)));
    }
    const word = withFactor.postmortem.title.split(/\s+/).find((w) => w.length > 3) ?? withFactor.postmortem.title;
    assert.ok(searchLibrary(entries, { q: word.toUpperCase() }).some((e) => e.postmortem.id === withFactor.postmortem.id));
    assert.equal(searchLibrary(entries, { q: 'zzz-nothing-has-this' }).length, 0);
    const published = searchLibrary(entries, { status: 'published' });
    assert.ok(published.every((e) => e.postmortem.status === 'published'));
    const labelled = entries.find((e) => e.postmortem.labels.length > 0 || (e.incident?.labels.length ?? 0) > 0);
    if (labelled) {
      const label = labelled.postmortem.labels[0] ?? labelled.incident!.labels[0]!;
      assert.ok(searchLibrary(entries, { label }).some((e) => e.postmortem.id === labelled.postmortem.id));
    }
  });
});
