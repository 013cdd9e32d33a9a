/**
 * The postmortem library's search, which every backend applies itself (never the caller): words
 * of `q` (all of them, case- and width-folded, `%` and `_` literal), the incident's component,
 * contributing-factor categories, labels on the postmortem or its incident, paged by cursor.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Incident, IncidentListQuery, PostmortemListQuery, Stored } from '@hansei/core';
import { at, everything, loose, paths, rejects, type SuiteContext } from './helpers.js';

export function postmortemLibrary(ctx: SuiteContext): void {
  describe('postmortem library search', () => {
    const made: string[] = [];
    const ids = async (query: Partial<PostmortemListQuery>) => (await ctx.viewer.listPostmortems(loose<PostmortemListQuery>({ limit: 200, ...query }))).data.map((p) => p.id).sort();
    const write = async (incident: Record<string, unknown>, postmortem: Record<string, unknown>) => {
      const declared: Stored<Incident> = await ctx.responder.declareIncident(loose({ severity: 'SEV3', startedAt: at(-120), detectedAt: at(-115), ...incident }));
      const pm = await ctx.responder.createPostmortem(loose({ incidentId: declared.id, ...postmortem }));
      made.push(pm.id);
      return pm.id;
    };
    let api = '';
    let web = '';
    let dbPm = '';
    let jaPm = '';
    let cdnPm = '';

    it('finds postmortems by the words of their text, however they were typed', async () => {
      api = (await ctx.admin.createComponent(loose({ name: 'Shelf API' }))).id;
      web = (await ctx.admin.createComponent(loose({ name: 'Shelf web' }))).id;
      dbPm = await write(
        { title: 'Shelfsearch checkout failing', components: [{ componentId: api, status: 'major_outage' }], labels: ['team:shelf'] },
        {
          title: 'Shelfsearch DB primary',
          sections: [{ key: 'summary', title: 'Summary', body: 'The pool ran dry: 100% of slots_used.' }],
          contributingFactors: [{ category: 'architecture_infrastructure', description: 'One primary for every write' }],
          fiveWhys: [{ question: 'Why did retries pile up?', answer: 'No jitter in the client' }],
        },
      );
      jaPm = await write(
        { title: 'Shelfsearch 決済の遅延', components: [{ componentId: api, status: 'degraded_performance' }, { componentId: web, status: 'degraded_performance' }] },
        { title: 'Shelfsearch 障害報告', sections: [{ key: 'lessons', title: '教訓', body: 'コネクションプールの上限を監視する' }], contributingFactors: [{ category: 'culture', description: '金曜日のリリース' }], labels: ['shelf-db'] },
      );
      cdnPm = await write(
        { title: 'Shelfsearch web outage', components: [{ componentId: web, status: 'partial_outage' }] },
        { title: 'Shelfsearch CDN purge', contributingFactors: [{ category: 'release_monitoring_operations', description: 'A purge without review' }], labels: ['shelf-db'] },
      );
      assert.deepEqual(await ids({ q: 'shelfsearch' }), [...made].sort());
      assert.deepEqual(await ids({ q: 'Ｄｂ PRIMARY shelfsearch' }), [dbPm], 'full-width and upper case');
      assert.deepEqual(await ids({ q: 'コネクションプール' }), [jaPm], 'a Japanese word in a section');
      assert.deepEqual(await ids({ q: '決済' }), [jaPm], "the incident's title");
      assert.deepEqual(await ids({ q: 'jitter' }), [dbPm], 'five whys');
      assert.deepEqual(await ids({ q: 'purge review' }), [cdnPm], 'a contributing factor');
      assert.deepEqual(await ids({ q: 'shelfsearch nothing-has-this' }), [], 'every word must appear');
      assert.deepEqual([await ids({ q: '100%' }), await ids({ q: 'slots_used' })], [[dbPm], [dbPm]]);
      assert.deepEqual([await ids({ q: 'slots%used' }), await ids({ q: 'slotsxused' })], [[], []], '% and _ are taken literally');
    });

    it('filters by component, category and label (the postmortem’s or the incident’s), all at once', async () => {
      assert.deepEqual(await ids({ component: api }), [dbPm, jaPm].sort());
      assert.deepEqual(await ids({ component: web }), [jaPm, cdnPm].sort());
      assert.deepEqual(await ids({ q: 'shelfsearch', category: ['culture', 'release_monitoring_operations'] }), [jaPm, cdnPm].sort());
      assert.deepEqual(await ids({ label: ['team:shelf'] }), [dbPm]);
      assert.deepEqual(await ids({ label: ['shelf-db', 'team:shelf'] }), [...made].sort());
      assert.deepEqual(await ids({ component: web, category: ['culture'], label: ['shelf-db'], q: '教訓' }), [jaPm]);
      assert.deepEqual(await ids({ component: api, category: ['release_monitoring_operations'] }), []);
    });

    it('pages through the filtered list by cursor, each match once', async () => {
      const seen = await everything((cursor) => ctx.viewer.listPostmortems(loose<PostmortemListQuery>({ q: 'shelfsearch', limit: 1, ...(cursor ? { cursor } : {}) })), 1);
      assert.deepEqual(seen.map((p) => p.id).sort(), [...made].sort());
    });

    it("reads a page's incidents in one call, by id", async () => {
      const page = (await ctx.viewer.listPostmortems(loose<PostmortemListQuery>({ q: 'shelfsearch' }))).data;
      const wanted = [...page.map((p) => p.incidentId), 'inc_missing'];
      const incidents = await ctx.viewer.listIncidents(loose<IncidentListQuery>({ id: wanted, limit: wanted.length }));
      assert.deepEqual(incidents.data.map((i) => i.id).sort(), page.map((p) => p.incidentId).sort());
      await rejects(ctx.viewer.listIncidents(loose({ id: Array.from({ length: 101 }, (_, i) => `inc_${i}`) })), 'validation');
    });

    it('refuses a category that is not one of the list', async () => {
      const error = await rejects(ctx.viewer.listPostmortems(loose({ category: ['luck'] })), 'validation');
      assert.deepEqual(paths(error), ['category.0']);
      assert.match(error.fieldErrors[0]?.message ?? '', /Category must be one of product_quality, .*culture/);
    });
  });
}
