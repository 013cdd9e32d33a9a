import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createdAction } from './action-writes.js';
import { ActionCreateSchema } from './schemas.js';
import { assertValid } from './validate.js';

const now = '2026-11-25T10:00:00.000Z';
const request = (input: Record<string, unknown>) => assertValid(ActionCreateSchema, { title: 'Add a timeout', kind: 'prevent', incidentIds: ['inc_1'], ...input });

describe('createdAction', () => {
  it('takes every field of the request (defaults filled in) and the rank given, not yet judged', () => {
    const body = request({ ownerId: 'per_1', dueDate: '2026-12-01' });
    const { id, rank, effectiveness, completedAt, createdAt, updatedAt, ...fromRequest } = createdAction(body, 'act_1', 'm', now);
    assert.deepEqual(fromRequest, body);
    assert.equal(body.status, 'todo');
    assert.deepEqual([id, rank, effectiveness, completedAt, createdAt, updatedAt], ['act_1', 'm', 'unverified', null, now, now]);
  });
  it('is completed now when it is created done', () => {
    assert.equal(createdAction(request({ status: 'done' }), 'act_1', 'm', now).completedAt, now);
    assert.equal(createdAction(request({ status: 'in_review' }), 'act_1', 'm', now).completedAt, null);
  });
});
