/**
 * Templates (postmortem templates, incident templates): the kit's built-in ones for every reader
 * with a role, an organisation's own written by admins with versions like everything else, live
 * changes; postmortems started from either kind of postmortem template, and incidents declared
 * from what an incident template prefills.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUILT_IN_INCIDENT_TEMPLATES, BUILT_IN_POSTMORTEM_TEMPLATES, incidentTemplatePrefill, type Id, type Stored } from '@hansei/core';
import type { CallOptions, Change, CreateOptions, HanseiAdapter } from '../adapter.js';
import { at, loose, paths, rejects, waitFor, type SuiteContext } from './helpers.js';

type Template = { readonly id: Id; readonly builtIn: boolean; readonly name: { readonly en: string } };

/** One kind of template, as the shared cases drive it. */
interface Kind<T extends Template> {
  readonly name: string;
  readonly event: 'postmortem-template' | 'incident-template';
  readonly builtIns: readonly T[];
  list(adapter: HanseiAdapter): Promise<readonly Stored<T>[]>;
  get(adapter: HanseiAdapter, id: Id): Promise<Stored<T>>;
  create(adapter: HanseiAdapter, input: unknown, options?: CreateOptions): Promise<Stored<T>>;
  update(adapter: HanseiAdapter, id: Id, patch: unknown, version: number, options?: CallOptions): Promise<Stored<T>>;
  remove(adapter: HanseiAdapter, id: Id, version: number): Promise<void>;
  /** A valid template of the organisation's. */
  readonly ours: Record<string, unknown>;
  /** An invalid one, and paths its error must name. */
  readonly invalid: readonly [input: Record<string, unknown>, paths: readonly string[]];
  /** A patch that must fail, and the one path it names. */
  readonly badPatch: readonly [patch: Record<string, unknown>, path: string];
}

const postmortemKind: Kind<(typeof BUILT_IN_POSTMORTEM_TEMPLATES)[number]> = {
  name: 'postmortem templates',
  event: 'postmortem-template',
  builtIns: BUILT_IN_POSTMORTEM_TEMPLATES,
  list: (a) => a.listPostmortemTemplates(),
  get: (a, id) => a.getPostmortemTemplate(id),
  create: (a, input, o) => a.createPostmortemTemplate(loose(input as Record<string, unknown>), o),
  update: (a, id, patch, version) => a.updatePostmortemTemplate(id, loose(patch as Record<string, unknown>), version),
  remove: (a, id, version) => a.deletePostmortemTemplate(id, version),
  ours: {
    name: { en: 'Our postmortem', ja: '自社のポストモーテム' },
    description: { en: 'Short, for SEV3 and SEV4.' },
    sections: [
      { key: 'summary', title: { en: 'Summary', ja: '概要' }, prompt: { en: 'What happened?' }, required: true },
      { key: 'action_items', title: { en: 'Actions' }, prompt: { en: 'What do we change?' }, required: true },
    ],
  },
  invalid: [{ name: { en: '' }, sections: [{ key: 'No Spaces', title: { en: 'x' }, prompt: { en: '' }, required: true }] }, ['name.en', 'sections.0.key']],
  badPatch: [{ sections: [] }, 'sections'],
};

const incidentKind: Kind<(typeof BUILT_IN_INCIDENT_TEMPLATES)[number]> = {
  name: 'incident templates',
  event: 'incident-template',
  builtIns: BUILT_IN_INCIDENT_TEMPLATES,
  list: (a) => a.listIncidentTemplates(),
  get: (a, id) => a.getIncidentTemplate(id),
  create: (a, input, o) => a.createIncidentTemplate(loose(input as Record<string, unknown>), o),
  update: (a, id, patch, version) => a.updateIncidentTemplate(id, loose(patch as Record<string, unknown>), version),
  remove: (a, id, version) => a.deleteIncidentTemplate(id, version),
  ours: {
    name: { en: 'Search slow', ja: '検索の遅延' },
    title: { en: 'Searching is slow', ja: '検索の遅延' },
    severity: 'SEV3',
    impact: 'minor',
    visibility: 'public',
    labels: ['search'],
    updateBody: { en: 'Searches are slower than usual. We are looking into it.' },
  },
  invalid: [{ name: { en: '' }, impact: 'huge', labels: ['No Spaces!'] }, ['impact', 'labels.0', 'name.en']],
  badPatch: [{ visibility: 'secret' }, 'visibility'],
};

/** What every kind of template does alike. */
function templateBasics<T extends Template>(ctx: SuiteContext, kind: Kind<T>): void {
  it('lists the built-in templates first, read-only at version 1, for every role', async () => {
    const list = await kind.list(ctx.viewer);
    assert.deepEqual(list.slice(0, kind.builtIns.length), kind.builtIns.map((t) => ({ ...t, version: 1 })));
    const [first, second, third] = kind.builtIns as [T, T, T];
    assert.deepEqual(await kind.get(ctx.viewer, third.id), { ...third, version: 1 });
    await rejects(kind.get(ctx.viewer, 'tpl_missing'), 'not_found');
    await rejects(kind.list(ctx.anon), 'unauthorized');
    await rejects(kind.update(ctx.admin, first.id, { name: { en: 'Mine now' } }, 1), 'conflict', 'built-in');
    await rejects(kind.remove(ctx.admin, second.id, 1), 'conflict', 'built-in');
  });

  it("writes an organisation's own templates: admins only, validated, versioned, live", async () => {
    const changes: Change[] = [];
    const stop = ctx.viewer.subscribe((change) => changes.push(change));
    try {
      await rejects(kind.create(ctx.responder, kind.ours), 'forbidden');
      const invalid = paths(await rejects(kind.create(ctx.admin, kind.invalid[0]), 'validation'));
      for (const path of kind.invalid[1]) assert.ok(invalid.includes(path), invalid.join(', '));
      const key = `suite-${kind.event}-ours`;
      const created = await kind.create(ctx.admin, kind.ours, { idempotencyKey: key });
      assert.deepEqual([created.version, created.builtIn, created.name], [1, false, kind.ours['name']]);
      const replay = await kind.create(ctx.admin, kind.ours, { idempotencyKey: key });
      assert.equal(replay.id, created.id, 'a retried create happens once');
      const listed = await kind.list(ctx.viewer);
      assert.equal(listed.at(-1)?.id, created.id, 'after the built-ins, newest last');
      assert.equal(listed.filter((t) => t.id === created.id).length, 1);

      const changed = await kind.update(ctx.admin, created.id, { name: { en: 'Renamed' } }, 1);
      assert.deepEqual([changed.version, changed.name], [2, { en: 'Renamed' }]);
      const stale = await rejects(kind.update(ctx.admin, created.id, { name: { en: 'Late' } }, 1), 'conflict');
      assert.equal((stale.current as Stored<T>).version, 2);
      await rejects(kind.update(ctx.responder, created.id, { name: { en: 'x' } }, 2), 'forbidden');
      assert.deepEqual(paths(await rejects(kind.update(ctx.admin, created.id, kind.badPatch[0], 2), 'validation')), [kind.badPatch[1]]);
      await rejects(kind.remove(ctx.admin, created.id, 1), 'conflict');
      await kind.remove(ctx.admin, created.id, 2);
      await rejects(kind.get(ctx.viewer, created.id), 'not_found');
      await rejects(kind.remove(ctx.admin, created.id, 2), 'not_found');

      const created_ = (c: Change) => c.type === `${kind.event}.created` && (c.data as { template: Template }).template.id === created.id;
      await waitFor(() => changes.some(created_), `${kind.event}.created`);
      await waitFor(() => changes.some((c) => c.type === `${kind.event}.updated` && (c.data as { template: { version: number } }).template.version === 2), `${kind.event}.updated`);
      await waitFor(() => changes.some((c) => c.type === `${kind.event}.deleted` && (c.data as { id: Id }).id === created.id), `${kind.event}.deleted`);
    } finally {
      stop();
    }
  });
}

export function templates(ctx: SuiteContext): void {
  describe('postmortem templates', () => {
    templateBasics(ctx, postmortemKind);

    it("starts a postmortem from an organisation's template, which keeps its sections", async () => {
      const template = await ctx.admin.createPostmortemTemplate(loose(postmortemKind.ours));
      const incident = await ctx.responder.declareIncident(loose({ title: 'Search slow', severity: 'SEV3', startedAt: at(-30), detectedAt: at(-25) }));
      const pm = await ctx.responder.createPostmortem(loose({ incidentId: incident.id, templateId: template.id }));
      assert.deepEqual([pm.templateId, pm.sections.map((s) => s.key)], [template.id, ['summary', 'action_items']]);
      const sre = await ctx.responder.createPostmortem(loose({ incidentId: (await ctx.responder.declareIncident(loose({ title: 'Search down', severity: 'SEV2', startedAt: at(-30), detectedAt: at(-25) }))).id, templateId: 'google-sre' }));
      assert.equal(sre.sections[2]?.title, 'Root causes');
      await ctx.admin.deletePostmortemTemplate(template.id, 1);
      assert.equal((await ctx.viewer.getPostmortem(pm.id)).sections.length, 2, 'the postmortem keeps its sections');
    });
  });

  describe('incident templates', () => {
    templateBasics(ctx, incidentKind);

    it('prefills a declaration the backend accepts, in either language, and changing the template leaves the incident alone', async () => {
      const template = await ctx.admin.createIncidentTemplate(loose({ ...incidentKind.ours, components: [{ componentId: ctx.data.components[0]!.id, status: 'degraded_performance' }] }));
      const { name, description: _d, ...fields } = incidentTemplatePrefill(template, 'ja');
      assert.equal(name, '検索の遅延');
      const incident = await ctx.responder.declareIncident({ ...fields, startedAt: at(-20), detectedAt: at(-15) } as Parameters<HanseiAdapter['declareIncident']>[0]);
      assert.deepEqual(
        [incident.title, incident.severity, incident.impact, incident.visibility, incident.labels, incident.components.map((c) => c.status)],
        ['検索の遅延', 'SEV3', 'minor', 'public', ['search'], ['degraded_performance']],
      );
      assert.equal(incident.updates[0]?.body, 'Searches are slower than usual. We are looking into it.', 'no Japanese: the English text');
      const { name: _n, description: _dd, ...security } = incidentTemplatePrefill(await ctx.viewer.getIncidentTemplate('security-internal'), 'en');
      const internal = await ctx.responder.declareIncident({ ...security, startedAt: at(-20), detectedAt: at(-15) } as Parameters<HanseiAdapter['declareIncident']>[0]);
      assert.deepEqual([internal.visibility, internal.updates.length], ['internal', 0]);
      await ctx.admin.updateIncidentTemplate(template.id, loose({ severity: 'SEV1' }), 1);
      assert.equal((await ctx.viewer.getIncident(incident.id)).severity, 'SEV3');
      await ctx.admin.deleteIncidentTemplate(template.id, 2);
    });
  });
}
