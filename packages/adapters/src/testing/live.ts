/**
 * Live changes: a subscriber hears what a write changed, anonymous subscribers only what the
 * public may see, and nothing after it unsubscribes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HanseiAdapter } from '../adapter.js';
import type { Change } from '../adapter.js';
import type { LiveState } from '../adapter.js';
import { at, loose, waitFor, type SuiteContext } from './helpers.js';

/** A subscription that records what it hears. */
interface Recording {
  readonly changes: Change[];
  readonly states: LiveState['state'][];
  stop(): void;
}

async function record(adapter: HanseiAdapter): Promise<Recording> {
  const changes: Change[] = [];
  const states: LiveState['state'][] = [];
  const stop = adapter.subscribe((change) => changes.push(change), { onState: (state) => states.push(state.state) });
  await waitFor(() => states.includes('open'), 'the subscription to open');
  return { changes, states, stop };
}

const mentions = (change: Change, id: string): boolean => JSON.stringify(change.data).includes(id);

export function liveChanges(ctx: SuiteContext): void {
  describe('live changes', () => {
    it('tells a subscriber about a declared incident and the component statuses it set', async () => {
      const live = await record(ctx.viewer);
      try {
        const component = await ctx.admin.createComponent(loose({ name: 'Live API' }));
        const incident = await ctx.responder.declareIncident(
          loose({ title: 'Live outage', severity: 'SEV2', startedAt: at(-5), detectedAt: at(-5), visibility: 'public', components: [{ componentId: component.id, status: 'major_outage' }] }),
        );
        await waitFor(() => live.changes.some((c) => c.type === 'incident.created' && c.data.incident.id === incident.id), 'incident.created');
        const created = live.changes.find((c) => c.type === 'incident.created' && c.data.incident.id === incident.id);
        assert.equal(created?.type === 'incident.created' ? created.data.incident.version : undefined, 1);
        await waitFor(() => live.changes.some((c) => c.type === 'component.updated' && c.data.component.id === component.id && c.data.component.status === 'major_outage'), 'component.updated');
        await ctx.responder.postIncidentUpdate(incident.id, loose({ status: 'resolved', body: 'Fixed.' }));
        await waitFor(() => live.changes.some((c) => c.type === 'incident.update.created' && c.data.incident.id === incident.id && c.data.incident.version === 2), 'incident.update.created');
      } finally {
        live.stop();
      }
      assert.equal(live.states.at(-1), 'closed');
    });

    it('tells anonymous subscribers public changes only, including a withdrawal', async () => {
      const publicLive = await record(ctx.anon);
      const internalLive = await record(ctx.viewer);
      try {
        const secret = await ctx.responder.declareIncident(loose({ title: 'Live secret', severity: 'SEV3', startedAt: at(-5), detectedAt: at(-5) }));
        const open = await ctx.responder.declareIncident(loose({ title: 'Live public', severity: 'SEV3', startedAt: at(-5), detectedAt: at(-5), visibility: 'public' }));
        await ctx.responder.createAction(loose({ title: 'Live card', kind: 'detect', incidentIds: [secret.id] }));
        await waitFor(() => publicLive.changes.some((c) => c.type === 'incident.created' && mentions(c, open.id)), 'the public incident');
        await waitFor(() => internalLive.changes.some((c) => c.type === 'action.created'), 'the action, internally');
        await ctx.responder.updateIncident(open.id, loose({ visibility: 'internal' }), 1);
        await waitFor(() => publicLive.changes.some((c) => c.type === 'incident.withdrawn' && c.data.id === open.id), 'incident.withdrawn');
        assert.ok(internalLive.changes.some((c) => c.type === 'incident.created' && mentions(c, secret.id)), 'roles hear of internal incidents');
        assert.ok(!publicLive.changes.some((c) => mentions(c, secret.id) || JSON.stringify(c).includes('Live secret')), 'the public never does');
        assert.ok(!publicLive.changes.some((c) => c.type.startsWith('action.')), 'nor of prevention actions');
      } finally {
        publicLive.stop();
        internalLive.stop();
      }
    });

    it('tells the public when a postmortem summary is published', async () => {
      const live = await record(ctx.anon);
      try {
        const incident = await ctx.responder.declareIncident(loose({ title: 'Live login outage', severity: 'SEV2', startedAt: at(-50), detectedAt: at(-50), visibility: 'public', status: 'resolved', resolvedAt: at(-5) }));
        const pm = await ctx.responder.createPostmortem(loose({ incidentId: incident.id }));
        await ctx.responder.updatePostmortem(pm.id, loose({ status: 'in_review' }), 1);
        await ctx.responder.updatePostmortem(pm.id, loose({ status: 'published', publicSummary: 'A certificate expired.' }), 2);
        await waitFor(() => live.changes.some((c) => c.type === 'postmortem-summary.updated' && c.data.incidentId === incident.id), 'postmortem-summary.updated');
        const published = live.changes.find((c) => c.type === 'postmortem-summary.updated');
        assert.equal(published?.type === 'postmortem-summary.updated' ? published.data.publicSummary : undefined, 'A certificate expired.');
        assert.ok(!live.changes.some((c) => c.type.startsWith('postmortem.')), 'drafts never reach the public');
      } finally {
        live.stop();
      }
    });

    it('stops delivering once unsubscribed', async () => {
      const live = await record(ctx.viewer);
      live.stop();
      assert.equal(live.states.at(-1), 'closed');
      const person = await ctx.admin.createPerson(loose({ name: 'After unsubscribe' }));
      const check = await record(ctx.viewer);
      try {
        await ctx.admin.updatePerson(person.id, loose({ name: 'Still after' }), 1);
        await waitFor(() => check.changes.some((c) => c.type === 'person.updated'), 'a later change on another subscription');
        assert.ok(!live.changes.some((c) => mentions(c, person.id)), 'the stopped subscription heard nothing');
      } finally {
        check.stop();
      }
    });
  });
}
