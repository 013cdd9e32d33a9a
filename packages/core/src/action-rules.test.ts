import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { actionInColumn, effectivenessProblem } from './action-rules.js';

const at = '2026-11-25T09:00:00.000Z';

describe('action rules', () => {
  it('stamps completedAt on entering done and keeps it while done', () => {
    assert.deepEqual(actionInColumn({ status: 'done', completedAt: null, effectiveness: 'unverified' }, 'todo', at), { status: 'done', completedAt: at, effectiveness: 'unverified' });
    const done = { status: 'done' as const, completedAt: '2026-11-01T00:00:00.000Z', effectiveness: 'effective' as const };
    assert.deepEqual(actionInColumn(done, 'done', at), done);
  });
  it('clears completedAt and the verdict on leaving done', () => {
    assert.deepEqual(actionInColumn({ status: 'in_progress', completedAt: at, effectiveness: 'recurred' }, 'done', at), { status: 'in_progress', completedAt: null, effectiveness: 'unverified' });
  });
  it('judges effectiveness of done actions only', () => {
    assert.equal(effectivenessProblem('done', 'effective'), null);
    assert.equal(effectivenessProblem('todo', 'unverified'), null);
    assert.equal(effectivenessProblem('todo', undefined), null);
    assert.match(effectivenessProblem('in_review', 'recurred') ?? '', /only be judged once the action is done; it is in_review/);
  });
});
