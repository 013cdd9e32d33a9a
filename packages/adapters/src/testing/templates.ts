/**
 * Postmortem templates: the kit's built-in ones for every reader with a role, an organisation's
 * own written by admins with versions like everything else, and postmortems started from either.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUILT_IN_POSTMORTEM_TEMPLATES, type PostmortemTemplate, type Stored } from '@hansei/core';
import type { Change } from '../adapter.js';
import { at, loose, paths, rejects, waitFor, type SuiteContext } from './helpers.js';

const ours = {
  name: { en: 'Our postmortem', ja: '自社のポストモーテム' },
  description: { en: 'Short, for SEV3 and SEV4.' },
  sections: [
    { key: 'summary', title: { en: 'Summary', ja: '概要' }, prompt: { en: 'What happened?' }, required: true },
    { key: 'action_items', title: { en: 'Actions' }, prompt: { en: 'What do we change?' }, required: true },
  ],
};

export function postmortemTemplates(ctx: SuiteContext): void {
  describe('postmortem templates', () => {
    it('lists the built-in templates first, read-only at version 1, for every role', async () => {
      const list = await ctx.viewer.listPostmortemTemplates();
      assert.deepEqual(
        list.slice(0, BUILT_IN_POSTMORTEM_TEMPLATES.length),
        BUILT_IN_POSTMORTEM_TEMPLATES.map((t) => ({ ...t, version: 1 })),
      );
      assert.deepEqual(await ctx.viewer.getPostmortemTemplate('atlassian'), { ...BUILT_IN_POSTMORTEM_TEMPLATES[2], version: 1 });
      await rejects(ctx.viewer.getPostmortemTemplate('pmt_missing'), 'not_found');
      await rejects(ctx.anon.listPostmortemTemplates(), 'unauthorized');
      await rejects(ctx.admin.updatePostmortemTemplate('default', loose({ name: { en: 'Mine now' } }), 1), 'conflict', 'built-in');
      await rejects(ctx.admin.deletePostmortemTemplate('pagerduty', 1), 'conflict', 'built-in');
    });

    it("writes an organisation's own templates: admins only, validated, versioned", async () => {
      await rejects(ctx.responder.createPostmortemTemplate(loose(ours)), 'forbidden');
      const invalid = paths(await rejects(ctx.admin.createPostmortemTemplate(loose({ name: { en: '' }, sections: [{ key: 'No Spaces', title: { en: 'x' }, prompt: { en: '' }, required: true }] })), 'validation'));
      for (const path of ['name.en', 'sections.0.key']) assert.ok(invalid.includes(path), invalid.join(', '));
      const created = await ctx.admin.createPostmortemTemplate(loose(ours), { idempotencyKey: 'suite-template-ours' });
      assert.deepEqual([created.version, created.builtIn, created.name, created.sections.map((s) => s.key)], [1, false, ours.name, ['summary', 'action_items']]);
      const replay = await ctx.admin.createPostmortemTemplate(loose(ours), { idempotencyKey: 'suite-template-ours' });
      assert.equal(replay.id, created.id, 'a retried create happens once');
      const listed = await ctx.viewer.listPostmortemTemplates();
      assert.equal(listed.at(-1)?.id, created.id, 'after the built-ins, newest last');
      assert.equal(listed.filter((t) => t.id === created.id).length, 1);

      const changed = await ctx.admin.updatePostmortemTemplate(created.id, loose({ description: { en: 'For every SEV3.' } }), 1);
      assert.deepEqual([changed.version, changed.description, changed.name], [2, { en: 'For every SEV3.' }, ours.name]);
      const stale = await rejects(ctx.admin.updatePostmortemTemplate(created.id, loose({ name: { en: 'Late' } }), 1), 'conflict');
      assert.equal((stale.current as Stored<PostmortemTemplate>).version, 2);
      await rejects(ctx.responder.updatePostmortemTemplate(created.id, loose({ name: { en: 'x' } }), 2), 'forbidden');
      assert.deepEqual(paths(await rejects(ctx.admin.updatePostmortemTemplate(created.id, loose({ sections: [] }), 2), 'validation')), ['sections']);
      await rejects(ctx.admin.deletePostmortemTemplate(created.id, 1), 'conflict');
      await ctx.admin.deletePostmortemTemplate(created.id, 2);
      await rejects(ctx.viewer.getPostmortemTemplate(created.id), 'not_found');
      await rejects(ctx.admin.deletePostmortemTemplate(created.id, 2), 'not_found');
    });

    it("starts a postmortem from an organisation's template, and tells subscribers about templates", async () => {
      const changes: Change[] = [];
      const stop = ctx.viewer.subscribe((change) => changes.push(change));
      try {
        const template = await ctx.admin.createPostmortemTemplate(loose(ours));
        const incident = await ctx.responder.declareIncident(loose({ title: 'Search slow', severity: 'SEV3', startedAt: at(-30), detectedAt: at(-25) }));
        const pm = await ctx.responder.createPostmortem(loose({ incidentId: incident.id, templateId: template.id }));
        assert.deepEqual([pm.templateId, pm.sections.map((s) => s.key)], [template.id, ['summary', 'action_items']]);
        const sre = await ctx.responder.createPostmortem(loose({ incidentId: (await ctx.responder.declareIncident(loose({ title: 'Search down', severity: 'SEV2', startedAt: at(-30), detectedAt: at(-25) }))).id, templateId: 'google-sre' }));
        assert.equal(sre.sections[2]?.title, 'Root causes');
        await ctx.admin.updatePostmortemTemplate(template.id, loose({ name: { en: 'Renamed' } }), 1);
        await waitFor(() => changes.some((c) => c.type === 'postmortem-template.created' && c.data.template.id === template.id), 'postmortem-template.created');
        await waitFor(() => changes.some((c) => c.type === 'postmortem-template.updated' && c.data.template.version === 2), 'postmortem-template.updated');
        await ctx.admin.deletePostmortemTemplate(template.id, 2);
        await waitFor(() => changes.some((c) => c.type === 'postmortem-template.deleted' && c.data.id === template.id), 'postmortem-template.deleted');
        assert.equal((await ctx.viewer.getPostmortem(pm.id)).sections.length, 2, 'the postmortem keeps its sections');
      } finally {
        stop();
      }
    });
  });
}
