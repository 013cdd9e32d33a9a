import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { HanseiAdapter } from '@hansei/adapters';
import { MemoryAdapter } from '@hansei/adapters/memory';
import type { Id } from '@hansei/core';
import { LIBRARY_PAGE, libraryQuery, readLibraryPage, type LibraryIncident } from './postmortem-library.js';

/** The MemoryAdapter (which searches as the server does), counting the calls the library makes. */
function counted() {
  const adapter = new MemoryAdapter();
  const calls = { postmortems: 0, incidents: 0 };
  const spy: Pick<HanseiAdapter, 'listPostmortems' | 'listIncidents'> & { calls: typeof calls } = {
    calls,
    listPostmortems: (query, options) => (calls.postmortems++, adapter.listPostmortems(query, options)),
    listIncidents: (query, options) => (calls.incidents++, adapter.listIncidents(query, options)),
  };
  return { adapter, spy };
}

describe('postmortem library reads', () => {
  it('turns the URL into the backend query, lists split at commas', () => {
    assert.deepEqual(libraryQuery({}), { limit: LIBRARY_PAGE });
    assert.deepEqual(libraryQuery({ q: '  Ｄｂ lock ', component: 'cmp_api', category: 'culture,skills', label: 'payments', status: 'published' }, 'c1'), {
      limit: LIBRARY_PAGE,
      q: 'Ｄｂ lock',
      component: 'cmp_api',
      category: ['culture', 'skills'],
      label: ['payments'],
      status: ['published'],
      cursor: 'c1',
    });
    assert.deepEqual(libraryQuery({ q: '   ', category: ',' }), { limit: LIBRARY_PAGE });
  });

  it('reads a page and its incidents in two calls, and never reads an incident twice', async () => {
    const { adapter, spy } = counted();
    const all = (await adapter.listPostmortems({ limit: 200 })).data;
    assert.ok(all.length > 3, 'the demo has postmortems');
    const known = new Map<Id, LibraryIncident | null>();
    const first = await readLibraryPage(spy, { limit: 3 }, known);
    assert.deepEqual(spy.calls, { postmortems: 1, incidents: 1 });
    assert.equal(first.entries.length, 3);
    for (const { postmortem, incident } of first.entries) {
      assert.equal(incident?.id, postmortem.incidentId);
      assert.equal(incident?.title, (await adapter.getIncident(postmortem.incidentId)).title);
    }
    assert.ok(first.nextCursor);
    await readLibraryPage(spy, { limit: 3 }, known);
    assert.deepEqual(spy.calls, { postmortems: 2, incidents: 1 }, 'the same page again: its incidents are known');
    const second = await readLibraryPage(spy, { limit: 3, cursor: first.nextCursor }, known);
    assert.equal(spy.calls.incidents, 2);
    assert.equal(new Set([...first.entries, ...second.entries].map((e) => e.postmortem.id)).size, 6, 'the next page, no repeats');
  });

  it('searches through the backend: a category and a word', async () => {
    const { adapter, spy } = counted();
    const all = (await adapter.listPostmortems({ limit: 200 })).data;
    const withFactor = all.find((p) => p.contributingFactors.length > 0)!;
    const category = withFactor.contributingFactors[0]!.category;
    const byCategory = await readLibraryPage(spy, libraryQuery({ category }), new Map());
    assert.ok(byCategory.entries.some((e) => e.postmortem.id === withFactor.id));
    assert.ok(byCategory.entries.every((e) => e.postmortem.contributingFactors.some((f) => f.category === category)));
    const word = withFactor.title.split(/\s+/).find((w) => w.length > 3) ?? withFactor.title;
    const byWord = await readLibraryPage(spy, libraryQuery({ q: word.toUpperCase() }), new Map());
    assert.ok(byWord.entries.some((e) => e.postmortem.id === withFactor.id));
    assert.deepEqual((await readLibraryPage(spy, libraryQuery({ q: 'zzz-nothing-has-this' }), new Map())).entries, []);
  });

  it('shows the page without incidents when they cannot be read', async () => {
    const { spy } = counted();
    const failing = { ...spy, listIncidents: () => Promise.reject(new Error('offline')) };
    const known = new Map<Id, LibraryIncident | null>();
    const page = await readLibraryPage(failing, { limit: 2 }, known);
    assert.equal(page.entries.length, 2);
    assert.ok(page.entries.every((e) => e.incident === null));
    assert.equal(known.size, 0, 'nothing cached, so the next read tries again');
  });
});
