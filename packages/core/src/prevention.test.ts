import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ACTION_KINDS } from './domain.js';
import type { ActionKind, ActionStatus, PreventionAction, RelatedIncident } from './domain.js';
import {
  ACTION_HORIZON,
  ACTION_HORIZONS,
  actionMix,
  dueBetween,
  overdueActions,
  recurredAfterDone,
} from './prevention.js';

function action(
  id: string,
  kind: ActionKind,
  status: ActionStatus = 'todo',
  more: Partial<PreventionAction> = {},
): PreventionAction {
  return {
    id,
    title: `Action ${id}`,
    description: '',
    incidentIds: ['inc1'],
    postmortemId: null,
    kind,
    ownerId: null,
    dueDate: null,
    status,
    rank: 'V',
    externalUrl: null,
    effectiveness: 'unverified',
    completedAt: null,
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
    ...more,
  };
}

const isRangeError = (...parts: string[]) => (e: unknown) =>
  e instanceof RangeError && parts.every((p) => e.message.includes(p));

describe('ACTION_HORIZON', () => {
  it('puts mitigate and detect short-term, prevent, process and remove at the root cause', () => {
    assert.deepEqual(
      ACTION_KINDS.filter((k) => ACTION_HORIZON[k] === 'short_term'),
      ['mitigate', 'detect'],
    );
    assert.deepEqual(
      ACTION_KINDS.filter((k) => ACTION_HORIZON[k] === 'root_cause'),
      ['prevent', 'process', 'remove'],
    );
    for (const kind of ACTION_KINDS) assert.ok(ACTION_HORIZONS.includes(ACTION_HORIZON[kind]));
  });
});

describe('actionMix', () => {
  const actions = [
    action('a', 'mitigate'),
    action('b', 'detect', 'done'),
    action('c', 'prevent', 'in_progress'),
    action('d', 'remove', 'wont_do'),
    action('e', 'process', 'todo', { incidentIds: ['inc2'] }),
  ];

  it('counts kinds and horizons, leaving out wont_do', () => {
    assert.deepEqual(actionMix(actions), {
      total: 4,
      byKind: { mitigate: 1, prevent: 1, detect: 1, process: 1, remove: 0 },
      byHorizon: { short_term: 2, root_cause: 2 },
      rootCauseShare: 0.5,
      needsRootCause: false,
    });
  });

  it('counts only the actions of one incident when asked', () => {
    const mix = actionMix(actions, 'inc2');
    assert.equal(mix.total, 1);
    assert.equal(mix.byKind.process, 1);
    assert.equal(mix.rootCauseShare, 1);
  });

  it('needs a root-cause action when there are only short-term ones, or none', () => {
    const shortOnly = actionMix([action('a', 'mitigate'), action('b', 'detect'), action('c', 'prevent', 'wont_do')]);
    assert.equal(shortOnly.needsRootCause, true);
    assert.equal(shortOnly.rootCauseShare, 0);
    const none = actionMix(actions, 'inc-without-actions');
    assert.equal(none.total, 0);
    assert.equal(none.rootCauseShare, null);
    assert.equal(none.needsRootCause, true);
  });

  it('rejects an unknown kind, naming the action', () => {
    assert.throws(
      () => actionMix([action('x', 'hope' as ActionKind)]),
      isRangeError('"hope"', '"x"', 'mitigate'),
    );
    assert.throws(() => actionMix([action('y', 'toString' as ActionKind)]), isRangeError('"toString"'));
  });
});

describe('overdueActions', () => {
  it('lists open actions past due, most overdue first, then in board order', () => {
    const actions = [
      action('late2', 'prevent', 'todo', { dueDate: '2026-11-23' }),
      action('late10b', 'detect', 'in_review', { dueDate: '2026-11-15', rank: 'k' }),
      action('late10a', 'mitigate', 'in_progress', { dueDate: '2026-11-15', rank: 'a' }),
      action('today', 'prevent', 'todo', { dueDate: '2026-11-25' }),
      action('future', 'prevent', 'todo', { dueDate: '2026-12-01' }),
      action('undated', 'prevent'),
      action('done', 'prevent', 'done', { dueDate: '2026-11-01' }),
      action('dropped', 'prevent', 'wont_do', { dueDate: '2026-11-01' }),
    ];
    assert.deepEqual(
      overdueActions(actions, '2026-11-25').map((o) => [o.action.id, o.daysOverdue]),
      [
        ['late10a', 10],
        ['late10b', 10],
        ['late2', 2],
      ],
    );
  });

  it('counts calendar days across months and leap days', () => {
    const [o] = overdueActions([action('x', 'prevent', 'todo', { dueDate: '2028-02-28' })], '2028-03-01');
    assert.equal(o?.daysOverdue, 2);
  });

  it('orders equal ranks by id, keeping the given order of duplicates', () => {
    const due = { dueDate: '2026-11-20' };
    const listed = overdueActions(
      [action('b', 'prevent', 'todo', due), action('b', 'detect', 'todo', due), action('a', 'prevent', 'todo', due)],
      '2026-11-25',
    ).map((o) => [o.action.id, o.action.kind]);
    assert.deepEqual(listed, [
      ['a', 'prevent'],
      ['b', 'prevent'],
      ['b', 'detect'],
    ]);
  });

  it('rejects a bad today or due date, naming it', () => {
    for (const bad of ['2026-11-31', '25/11/2026', '2026-11-25T00:00:00Z']) {
      assert.throws(() => overdueActions([], bad), isRangeError(`"${bad}"`, 'YYYY-MM-DD'));
    }
    assert.throws(
      () => overdueActions([action('z', 'prevent', 'todo', { dueDate: 'soon' })], '2026-11-25'),
      isRangeError('"z"', '"soon"'),
    );
  });
});

describe('dueBetween', () => {
  const actions = [
    action('sun', 'prevent', 'todo', { dueDate: '2026-11-29', rank: 'a' }),
    action('mon', 'prevent', 'todo', { dueDate: '2026-11-23' }),
    action('wed-z', 'prevent', 'in_progress', { dueDate: '2026-11-25', rank: 'z' }),
    action('wed-a', 'prevent', 'todo', { dueDate: '2026-11-25', rank: 'a' }),
    action('next-mon', 'prevent', 'todo', { dueDate: '2026-11-30' }),
    action('last-sun', 'prevent', 'todo', { dueDate: '2026-11-22' }),
    action('done', 'prevent', 'done', { dueDate: '2026-11-24' }),
    action('undated', 'prevent'),
  ];

  it('lists open actions due in the range, both ends included, by due date then board order', () => {
    assert.deepEqual(
      dueBetween(actions, '2026-11-23', '2026-11-29').map((a) => a.id),
      ['mon', 'wed-a', 'wed-z', 'sun'],
    );
    assert.deepEqual(
      dueBetween(actions, '2026-11-25', '2026-11-25').map((a) => a.id),
      ['wed-a', 'wed-z'],
    );
  });

  it('rejects a reversed range and bad dates', () => {
    assert.throws(() => dueBetween(actions, '2026-11-29', '2026-11-23'), isRangeError('"2026-11-29"', 'after'));
    assert.throws(() => dueBetween(actions, 'monday', '2026-11-23'), isRangeError('"monday"'));
  });
});

describe('recurredAfterDone', () => {
  const incident = (id: string, startedAt: string, related: RelatedIncident[] = []) => ({ id, startedAt, related });
  const incidents = [
    incident('inc1', '2026-10-01T00:00:00Z'),
    incident('inc2', '2026-10-05T00:00:00Z'),
    incident('before-fix', '2026-10-10T00:00:00Z', [{ incidentId: 'inc1', relation: 'recurrence_of' }]),
    incident('after-fix-2', '2026-11-20T00:00:00Z', [{ incidentId: 'inc2', relation: 'recurrence_of' }]),
    incident('after-fix-1', '2026-11-10T00:00:00Z', [
      { incidentId: 'inc1', relation: 'recurrence_of' },
      { incidentId: 'inc2', relation: 'recurrence_of' },
    ]),
    incident('merely-related', '2026-11-12T00:00:00Z', [{ incidentId: 'inc1', relation: 'related' }]),
    incident('twin-b', '2026-11-21T00:00:00Z', [{ incidentId: 'inc3', relation: 'recurrence_of' }]),
    incident('twin-a', '2026-11-21T00:00:00Z', [{ incidentId: 'inc3', relation: 'recurrence_of' }]),
  ];
  const done = (id: string, incidentIds: string[], completedAt: string | null) =>
    action(id, 'prevent', 'done', { incidentIds, completedAt });

  it('lists done actions whose incident recurred after completion, with the recurrences oldest first', () => {
    const missed = recurredAfterDone(
      [
        done('fix-both', ['inc1', 'inc2'], '2026-11-01T00:00:00Z'),
        done('fix-1-late', ['inc1'], '2026-11-15T00:00:00Z'),
        done('fix-1-early', ['inc1'], '2026-10-02T00:00:00Z'),
        done('fix-3', ['inc3'], '2026-11-01T00:00:00Z'),
        done('fix-quiet', ['inc-that-never-recurred'], '2026-11-01T00:00:00Z'),
      ],
      incidents,
    );
    assert.deepEqual(
      missed.map((m) => [m.action.id, m.recurrenceIds]),
      [
        ['fix-both', ['after-fix-1', 'after-fix-2']],
        ['fix-1-early', ['before-fix', 'after-fix-1']],
        ['fix-3', ['twin-a', 'twin-b']], // same start: by id
      ],
    );
  });

  it('ignores open actions, wont_do, and done actions without a completion time', () => {
    const missed = recurredAfterDone(
      [
        action('open', 'prevent', 'in_progress', { completedAt: '2026-10-02T00:00:00Z' }),
        action('dropped', 'prevent', 'wont_do', { completedAt: '2026-10-02T00:00:00Z' }),
        done('undated', ['inc1'], null),
      ],
      incidents,
    );
    assert.deepEqual(missed, []);
  });

  it('rejects a bad instant', () => {
    assert.throws(() => recurredAfterDone([done('x', ['inc1'], 'last week')], incidents), isRangeError('"last week"'));
  });
});
