import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  maintenanceAfterUpdate,
  maintenanceTransitionProblem,
  maintenanceWindowIssue,
  missingComponentsProblem,
  scheduledMaintenance,
} from './maintenance-writes.js';
import { MaintenanceCreateSchema, MaintenancePatchSchema, MaintenanceUpdatePostSchema } from './schemas.js';
import { assertValid } from './validate.js';

const now = '2026-11-25T10:00:00.000Z';
const window = { scheduledFor: '2026-11-26T01:00:00.000Z', scheduledUntil: '2026-11-26T03:00:00.000Z' };

/** An id maker that counts how often it was asked. */
function ids() {
  let asked = 0;
  return { newUpdateId: () => `mnu_${++asked}`, asked: () => asked };
}

const schedule = (input: Record<string, unknown>, made = ids()) =>
  scheduledMaintenance(assertValid(MaintenanceCreateSchema, { title: 'Database upgrade', ...window, ...input }), { id: 'mnt_1', newUpdateId: made.newUpdateId }, now);

describe('scheduledMaintenance', () => {
  it('takes the fields of the request, with the defaults the schema fills in, and no update without a message', () => {
    const made = ids();
    assert.deepEqual(schedule({ components: ['cmp_a'] }, made), {
      id: 'mnt_1',
      title: 'Database upgrade',
      summary: '',
      status: 'scheduled',
      ...window,
      components: ['cmp_a'],
      createdAt: now,
      updatedAt: now,
      updates: [],
    });
    assert.equal(made.asked(), 0, 'no update id is used up');
  });
  it('makes the message its first update, shown now', () => {
    const doc = schedule({ status: 'in_progress', updateBody: 'Starting now.' });
    assert.deepEqual(doc.updates, [{ id: 'mnu_1', maintenanceId: 'mnt_1', status: 'in_progress', body: 'Starting now.', createdAt: now, displayAt: now }]);
  });
});

describe('maintenanceAfterUpdate', () => {
  const current = schedule({ updateBody: 'Announced.' });
  it('takes the status and puts the update first', () => {
    const doc = maintenanceAfterUpdate(current, assertValid(MaintenanceUpdatePostSchema, { status: 'in_progress', body: 'Started.' }), 'mnu_9', '2026-11-26T01:00:00.000Z');
    assert.equal(doc.status, 'in_progress');
    assert.equal(doc.updatedAt, '2026-11-26T01:00:00.000Z');
    assert.deepEqual(doc.updates.map((u) => [u.id, u.displayAt]), [
      ['mnu_9', '2026-11-26T01:00:00.000Z'],
      ['mnu_1', now],
    ]);
  });
  it('sorts a backdated update into place', () => {
    const later = maintenanceAfterUpdate(current, assertValid(MaintenanceUpdatePostSchema, { status: 'in_progress', body: 'Started.' }), 'mnu_9', '2026-11-26T02:00:00.000Z');
    const backdated = maintenanceAfterUpdate(later, assertValid(MaintenanceUpdatePostSchema, { status: 'in_progress', body: 'Note.', displayAt: '2026-11-25T09:00:00.000Z' }), 'mnu_10', '2026-11-26T02:05:00.000Z');
    assert.deepEqual(backdated.updates.map((u) => u.id), ['mnu_9', 'mnu_1', 'mnu_10']);
  });
});

describe('maintenanceTransitionProblem', () => {
  it('lets it move forward, skip steps, go back from verifying to in_progress, or stay', () => {
    assert.equal(maintenanceTransitionProblem('scheduled', 'in_progress'), null);
    assert.equal(maintenanceTransitionProblem('scheduled', 'completed'), null);
    assert.equal(maintenanceTransitionProblem('verifying', 'in_progress'), null);
    assert.equal(maintenanceTransitionProblem('in_progress', 'in_progress'), null);
  });
  it('says a completed one is final and what to do instead', () => {
    assert.match(maintenanceTransitionProblem('completed', 'in_progress') ?? '', /completed; it cannot change status again\. Schedule a new maintenance instead\./);
  });
  it('names both statuses of a move back', () => {
    assert.match(maintenanceTransitionProblem('in_progress', 'scheduled') ?? '', /cannot go back from in_progress to scheduled/);
  });
});

describe('maintenanceWindowIssue', () => {
  it('accepts a window that ends after it starts', () => {
    assert.equal(maintenanceWindowIssue(window, assertValid(MaintenancePatchSchema, { title: 'x' })), null);
  });
  it('puts the issue at the end the patch changed, else at the start', () => {
    const empty = { scheduledFor: window.scheduledFor, scheduledUntil: window.scheduledFor };
    assert.equal(maintenanceWindowIssue(empty, assertValid(MaintenancePatchSchema, { scheduledUntil: window.scheduledFor }))?.path, 'scheduledUntil');
    const issue = maintenanceWindowIssue(empty, assertValid(MaintenancePatchSchema, { scheduledFor: window.scheduledFor }));
    assert.deepEqual(issue, { path: 'scheduledFor', message: `The end of the window (${window.scheduledFor}) must be after its start (${window.scheduledFor}).` });
  });
});

describe('missingComponentsProblem', () => {
  it('names every missing component, or nothing when none is', () => {
    assert.equal(missingComponentsProblem([]), null);
    assert.equal(missingComponentsProblem(['cmp_x', 'cmp_y']), 'There is no component with id "cmp_x", "cmp_y". Create it first, or leave it out of components.');
  });
});
