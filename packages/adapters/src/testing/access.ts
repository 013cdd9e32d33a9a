/**
 * Who may do what (anonymous readers see the public page only; viewers read; responders write
 * incident work; admins configure), and how bad input is refused: a validation error naming
 * every field at its dotted path, before anything is written.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IncidentListQuery } from '@hansei/core';
import { at, loose, paths, rejects, type SuiteContext } from './helpers.js';

export function accessAndValidation(ctx: SuiteContext): void {
  describe('access by role', () => {
    it('asks anonymous callers for a token for anything internal', async () => {
      const internal: [string, () => Promise<unknown>][] = [
        ['timeline', () => ctx.anon.listTimeline('inc_0027')],
        ['roles', () => ctx.anon.listIncidentRoles('inc_0027')],
        ['postmortems', () => ctx.anon.listPostmortems(loose({}))],
        ['actions', () => ctx.anon.listActions(loose({}))],
        ['slos', () => ctx.anon.listSlos(loose({}))],
        ['people', () => ctx.anon.listPeople(loose({}))],
        ['metrics', () => ctx.anon.metrics()],
        ['guideline', () => ctx.anon.getSeverityGuideline()],
        ['tokens', () => ctx.anon.listTokens()],
      ];
      for (const [what, call] of internal) await rejects(call(), 'unauthorized', what);
      await rejects(ctx.anon.declareIncident(loose({ title: 'x' })), 'unauthorized', 'a write');
    });

    it('lets viewers read but not write', async () => {
      const forbidden = await rejects(ctx.viewer.declareIncident(loose({ title: 'Viewer incident', severity: 'SEV3', startedAt: at(-5), detectedAt: at(-5) })), 'forbidden');
      assert.match(forbidden.message, /responder/);
      await rejects(ctx.viewer.updateComponent('cmp_auth', loose({ status: 'major_outage' }), 1), 'forbidden');
      await rejects(ctx.viewer.createAction(loose({ title: 'x', kind: 'detect', incidentIds: ['inc_0001'] })), 'forbidden');
      await rejects(ctx.viewer.addTimelineEvent('inc_0027', loose({ body: 'x' })), 'forbidden');
      assert.equal((await ctx.viewer.listComponents()).length, 15, 'but can read');
    });

    it('keeps configuration to admins', async () => {
      await rejects(ctx.responder.createComponent(loose({ name: 'Responder component' })), 'forbidden');
      await rejects(ctx.responder.createSlo(loose({ name: 'x' })), 'forbidden');
      await rejects(ctx.responder.createPerson(loose({ name: 'x' })), 'forbidden');
      await rejects(ctx.responder.replacePage(loose({ name: 'x', url: 'https://example.com', timeZone: 'UTC' })), 'forbidden');
      await rejects(ctx.responder.deleteMaintenance('mnt_0001', 1), 'forbidden');
      await rejects(ctx.responder.listTokens(), 'forbidden');
      assert.equal((await ctx.anon.getPage()).name, ctx.data.page.name, 'nothing changed');
    });
  });

  describe('validation', () => {
    it('names every missing field of a new incident', async () => {
      const error = await rejects(ctx.responder.declareIncident(loose({ summary: 'nothing else' })), 'validation');
      for (const path of ['title', 'severity', 'startedAt', 'detectedAt']) assert.ok(paths(error).includes(path), paths(error).join(', '));
      assert.equal(error.status, 422);
    });

    it('checks times against each other and severities against the guideline', async () => {
      const base = { title: 'Checkout fails', severity: 'SEV2', startedAt: at(-20), detectedAt: at(-15) };
      const order = await rejects(ctx.responder.declareIncident(loose({ ...base, detectedAt: at(-30) })), 'validation');
      assert.deepEqual(paths(order), ['detectedAt']);
      const severity = await rejects(ctx.responder.declareIncident(loose({ ...base, severity: 'SEV9' })), 'validation');
      assert.deepEqual(paths(severity), ['severity']);
      assert.match(severity.fieldErrors[0]?.message ?? '', /SEV1, SEV2, SEV3, SEV4/);
      const resolved = await rejects(ctx.responder.declareIncident(loose({ ...base, status: 'resolved' })), 'validation');
      assert.deepEqual(paths(resolved), ['resolvedAt']);
    });

    it('names the fields of bad updates, timeline events, actions, maintenances and SLOs', async () => {
      assert.deepEqual(paths(await rejects(ctx.responder.postIncidentUpdate('inc_0027', loose({ status: 'on_fire', body: '' })), 'validation')), ['body', 'status']);
      assert.deepEqual(paths(await rejects(ctx.responder.addTimelineEvent('inc_0027', loose({ kind: 'gossip', body: '', link: 'javascript:alert(1)' })), 'validation')), ['body', 'kind', 'link']);
      const action = paths(await rejects(ctx.responder.createAction(loose({ title: '', kind: 'fix', incidentIds: [], externalUrl: 'javascript:alert(1)' })), 'validation'));
      for (const path of ['title', 'kind', 'incidentIds', 'externalUrl']) assert.ok(action.includes(path), action.join(', '));
      assert.deepEqual(paths(await rejects(ctx.responder.scheduleMaintenance(loose({ title: 'Backwards', scheduledFor: at(180), scheduledUntil: at(120) })), 'validation')), ['scheduledUntil']);
      const slo = paths(
        await rejects(
          ctx.admin.createSlo(loose({ name: 'Bad', service: 'x', indicator: { good: 'g', total: 't' }, timeWindow: { duration: 'forever', isRolling: true }, budgetingMethod: 'Timeslices', objective: { target: 1.5 } })),
          'validation',
        ),
      );
      for (const path of ['objective.target', 'timeWindow.duration', 'objective.timeSliceTarget']) assert.ok(slo.includes(path), slo.join(', '));
    });

    it('refuses an empty change, a bad list query and a cursor it did not give out', async () => {
      await rejects(ctx.responder.updateIncident('inc_0027', loose({}), 1), 'validation');
      assert.deepEqual(paths(await rejects(ctx.viewer.listIncidents(loose<IncidentListQuery>({ limit: 0 })), 'validation')), ['limit']);
      await rejects(ctx.viewer.listIncidents(loose<IncidentListQuery>({ status: ['on_fire'] })), 'validation');
      await rejects(ctx.viewer.listIncidents(loose<IncidentListQuery>({ cursor: 'garbage' })), 'validation');
      await rejects(ctx.viewer.listActions(loose({ cursor: 'abc' })), 'validation');
      assert.equal((await ctx.viewer.getIncident('inc_0027')).version, 1, 'nothing was written');
    });
  });
}
