import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ActionStatus, Incident, PreventionAction } from './domain.js';
import {
  actionLanes,
  boardColumns,
  calendarDate,
  columnPlace,
  compareBoardOrder,
  foldText,
  isFiltering,
  isOverdue,
  matchesActionFilter,
  missedPreventions,
  planActionMove,
  stepPlace,
  withMove,
} from './prevention-board.js';
import { rankBetween } from './rank.js';

function action(id: string, status: ActionStatus, rank: string, more: Partial<PreventionAction> = {}): PreventionAction {
  return {
    id,
    title: `Action ${id}`,
    description: '',
    incidentIds: ['inc1'],
    postmortemId: null,
    kind: 'prevent',
    ownerId: null,
    dueDate: null,
    status,
    rank,
    externalUrl: null,
    effectiveness: 'unverified',
    completedAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...more,
  };
}

// todo: a (F) b (K) c (P); in_progress: d (V); done: e (V)
const board = [action('c', 'todo', 'P'), action('a', 'todo', 'F'), action('d', 'in_progress', 'V'), action('b', 'todo', 'K'), action('e', 'done', 'V')];

describe('board order', () => {
  it('orders by column, then rank (code units), then id', () => {
    const sorted = [...board, action('b2', 'todo', 'K')].sort(compareBoardOrder).map((a) => a.id);
    assert.deepEqual(sorted, ['a', 'b', 'b2', 'c', 'd', 'e']);
    // Ranks compare by code unit: 'Z' < 'a'.
    assert.ok(compareBoardOrder(action('x', 'todo', 'Z'), action('y', 'todo', 'a')) < 0);
  });

  it('groups into every column, each in board order', () => {
    const columns = boardColumns(board);
    assert.deepEqual(Object.keys(columns), ['todo', 'in_progress', 'in_review', 'done', 'wont_do']);
    assert.deepEqual(columns.todo.map((a) => a.id), ['a', 'b', 'c']);
    assert.deepEqual(columns.in_review, []);
  });

  it('names an action with an unknown status', () => {
    assert.throws(() => boardColumns([action('x', 'later' as ActionStatus, 'V')]), /Invalid status "later" of action "x"/);
  });
});

describe('planActionMove', () => {
  it('puts a card between its new neighbours with the midpoint rank', () => {
    const plan = planActionMove(board, 'c', { status: 'todo', before: 'b' });
    assert.deepEqual(plan, { move: { status: 'todo', afterId: 'a', beforeId: 'b' }, rank: rankBetween('F', 'K'), from: 'todo' });
  });

  it('places after a card, at the top and at the bottom', () => {
    assert.deepEqual(planActionMove(board, 'a', { status: 'todo', after: 'b' })?.move, { status: 'todo', afterId: 'b', beforeId: 'c' });
    assert.deepEqual(planActionMove(board, 'c', { status: 'todo', at: 'top' })?.move, { status: 'todo', afterId: null, beforeId: 'a' });
    assert.equal(planActionMove(board, 'c', { status: 'todo', at: 'top' })?.rank, rankBetween(null, 'F'));
    assert.deepEqual(planActionMove(board, 'a', { status: 'todo', at: 'bottom' })?.move, { status: 'todo', afterId: 'c', beforeId: null });
  });

  it('moves to another column, and into an empty one', () => {
    assert.deepEqual(planActionMove(board, 'b', { status: 'in_progress', before: 'd' }), {
      move: { status: 'in_progress', afterId: null, beforeId: 'd' },
      rank: rankBetween(null, 'V'),
      from: 'todo',
    });
    const empty = planActionMove(board, 'b', { status: 'in_review', at: 'top' });
    assert.deepEqual(empty?.move, { status: 'in_review', afterId: null, beforeId: null });
    assert.equal(empty?.rank, rankBetween(null, null));
  });

  it('is null when the card would stay where it is', () => {
    assert.equal(planActionMove(board, 'b', { status: 'todo', after: 'a' }), null);
    assert.equal(planActionMove(board, 'b', { status: 'todo', before: 'c' }), null);
    assert.equal(planActionMove(board, 'a', { status: 'todo', at: 'top' }), null);
    assert.equal(planActionMove(board, 'c', { status: 'todo', at: 'bottom' }), null);
    assert.equal(planActionMove(board, 'd', { status: 'in_progress', at: 'top' }), null);
  });

  it('takes neighbours in the whole column, not only those a view shows', () => {
    // A view hiding b shows a, c: "c before a's successor in view" is still exactly before b.
    const plan = planActionMove(board, 'c', { status: 'todo', after: 'a' });
    assert.deepEqual(plan?.move, { status: 'todo', afterId: 'a', beforeId: 'b' });
  });

  it('leaves the rank to the backend when the neighbours leave no room', () => {
    const broken = [action('x', 'todo', 'K'), action('y', 'todo', 'K'), action('z', 'in_progress', 'V')];
    const plan = planActionMove(broken, 'z', { status: 'todo', after: 'x' });
    assert.deepEqual(plan?.move, { status: 'todo', afterId: 'x', beforeId: 'y' });
    assert.equal(plan?.rank, null);
    assert.ok(plan);
    assert.equal(withMove(broken[2]!, plan).rank, 'V');
  });

  it('says what is wrong with a place', () => {
    assert.throws(() => planActionMove(board, 'nope', { status: 'todo', at: 'top' }), /Unknown action "nope"/);
    assert.throws(() => planActionMove(board, 'a', { status: 'todo', before: 'a' }), /cannot go before itself/);
    assert.throws(() => planActionMove(board, 'a', { status: 'todo', after: 'd' }), /action "d" is not in the todo column/);
  });

  it('gives the optimistic card its new column and rank', () => {
    const plan = planActionMove(board, 'b', { status: 'done', before: 'e' })!;
    const moved = withMove(board[3]!, plan);
    assert.equal(moved.status, 'done');
    assert.equal(moved.rank, plan.rank);
    assert.ok(moved.rank < 'V');
  });
});

describe('steps and column places', () => {
  const shown = ['a', 'b', 'c'];
  it('steps up, down, to the top and bottom among the shown cards', () => {
    assert.deepEqual(stepPlace(shown, 'b', 'todo', 'up'), { status: 'todo', before: 'a' });
    assert.deepEqual(stepPlace(shown, 'b', 'todo', 'down'), { status: 'todo', after: 'c' });
    assert.deepEqual(stepPlace(shown, 'c', 'todo', 'top'), { status: 'todo', before: 'a' });
    assert.deepEqual(stepPlace(shown, 'a', 'todo', 'bottom'), { status: 'todo', after: 'c' });
  });

  it('is null at the ends', () => {
    assert.equal(stepPlace(shown, 'a', 'todo', 'up'), null);
    assert.equal(stepPlace(shown, 'a', 'todo', 'top'), null);
    assert.equal(stepPlace(shown, 'c', 'todo', 'down'), null);
    assert.equal(stepPlace(shown, 'c', 'todo', 'bottom'), null);
    assert.throws(() => stepPlace(shown, 'x', 'todo', 'up'), /not among the cards shown/);
  });

  it('goes to the same height in another column, or its bottom', () => {
    assert.deepEqual(columnPlace(['d', 'e'], 1, 'done'), { status: 'done', before: 'e' });
    assert.deepEqual(columnPlace(['d', 'e'], 5, 'done'), { status: 'done', after: 'e' });
    assert.deepEqual(columnPlace([], 0, 'done'), { status: 'done', at: 'bottom' });
  });
});

describe('calendarDate and isOverdue', () => {
  it('reads the date in the viewer’s zone', () => {
    const ms = Date.parse('2026-11-25T16:30:00.000Z');
    assert.equal(calendarDate(ms, 'UTC'), '2026-11-25');
    assert.equal(calendarDate(ms, 'Asia/Tokyo'), '2026-11-26');
    assert.equal(calendarDate(Date.parse('2026-11-25T03:00:00.000Z'), 'America/Los_Angeles'), '2026-11-24');
    assert.throws(() => calendarDate(ms, 'Mars/Olympus'), /Invalid time zone "Mars\/Olympus"/);
  });

  it('is overdue only while open and past the due date', () => {
    assert.equal(isOverdue({ status: 'todo', dueDate: '2026-11-24' }, '2026-11-25'), true);
    assert.equal(isOverdue({ status: 'in_review', dueDate: '2026-11-25' }, '2026-11-25'), false);
    assert.equal(isOverdue({ status: 'done', dueDate: '2026-01-01' }, '2026-11-25'), false);
    assert.equal(isOverdue({ status: 'wont_do', dueDate: '2026-01-01' }, '2026-11-25'), false);
    assert.equal(isOverdue({ status: 'todo', dueDate: null }, '2026-11-25'), false);
  });
});

describe('missedPreventions', () => {
  const incident = (id: string, startedAt: string, related: Incident['related'] = []) => ({ id, startedAt, related });
  it('flags done actions whose incident recurred after they were done, and those recorded as recurred', () => {
    const actions = [
      action('fixed', 'done', 'V', { completedAt: '2026-03-01T00:00:00.000Z' }),
      action('early', 'done', 'W', { incidentIds: ['inc2'], completedAt: '2026-06-01T00:00:00.000Z' }),
      action('recorded', 'done', 'X', { incidentIds: ['inc3'], effectiveness: 'recurred', completedAt: '2026-01-01T00:00:00.000Z' }),
      action('open', 'todo', 'V', { effectiveness: 'unverified' }),
    ];
    const incidents = [
      incident('inc1', '2026-02-01T00:00:00.000Z'),
      incident('inc2', '2026-02-01T00:00:00.000Z'),
      incident('again', '2026-04-01T00:00:00.000Z', [{ incidentId: 'inc1', relation: 'recurrence_of' }]),
      incident('before', '2026-05-01T00:00:00.000Z', [{ incidentId: 'inc2', relation: 'recurrence_of' }]),
    ];
    const missed = missedPreventions(actions, incidents);
    assert.deepEqual([...missed], [
      ['recorded', []],
      ['fixed', ['again']],
    ]);
  });
});

describe('filters', () => {
  const today = '2026-11-25';
  const late = action('late', 'todo', 'V', {
    title: 'Ｒｅｔｒｙ budget for the gateway',
    description: '決済ゲートウェイ',
    incidentIds: ['inc1', 'inc2'],
    ownerId: 'per_sato',
    kind: 'mitigate',
    dueDate: '2026-11-20',
    externalUrl: 'https://linear.example/KIN-160',
  });
  const nobody = action('nobody', 'done', 'V', { kind: 'detect', dueDate: '2026-11-01' });

  it('matches every criterion', () => {
    assert.equal(matchesActionFilter(late, {}, { today }), true);
    assert.equal(matchesActionFilter(late, { incidentId: 'inc2' }, { today }), true);
    assert.equal(matchesActionFilter(late, { incidentId: 'inc9' }, { today }), false);
    assert.equal(matchesActionFilter(late, { ownerId: 'per_sato' }, { today }), true);
    assert.equal(matchesActionFilter(late, { ownerId: '' }, { today }), false);
    assert.equal(matchesActionFilter(nobody, { ownerId: '' }, { today }), true);
    assert.equal(matchesActionFilter(late, { kinds: ['mitigate', 'detect'] }, { today }), true);
    assert.equal(matchesActionFilter(late, { kinds: ['prevent'] }, { today }), false);
    assert.equal(matchesActionFilter(late, { overdue: true }, { today }), true);
    assert.equal(matchesActionFilter(nobody, { overdue: true }, { today }), false);
    assert.equal(matchesActionFilter(late, { incidentId: 'inc1', kinds: ['prevent'] }, { today }), false);
  });

  it('finds words in any case and width, in the title, description and link', () => {
    assert.equal(matchesActionFilter(late, { text: 'retry GATEWAY' }, { today }), true);
    assert.equal(matchesActionFilter(late, { text: 'ゲートウェイ' }, { today }), true);
    assert.equal(matchesActionFilter(late, { text: 'kin-160' }, { today }), true);
    assert.equal(matchesActionFilter(late, { text: 'retry database' }, { today }), false);
    assert.equal(foldText('ＡＢＣ'), 'abc');
  });

  it('knows when nothing is filtered', () => {
    assert.equal(isFiltering({}), false);
    assert.equal(isFiltering({ incidentId: null, ownerId: null, kinds: [], overdue: false, text: '  ' }), false);
    assert.equal(isFiltering({ ownerId: '' }), true);
    assert.equal(isFiltering({ kinds: ['remove'] }), true);
  });
});

describe('actionLanes', () => {
  const today = '2026-11-25';
  const actions = [
    action('p1', 'todo', 'V', { incidentIds: ['inc2', 'inc1'], ownerId: 'per_b', kind: 'prevent', dueDate: '2026-11-01' }),
    action('m1', 'done', 'V', { incidentIds: ['inc1'], ownerId: null, kind: 'mitigate', dueDate: '2026-11-01' }),
    action('d1', 'in_progress', 'V', { incidentIds: ['inc1'], ownerId: 'per_a', kind: 'detect', dueDate: '2026-12-01' }),
  ];
  const lanes = (by: Parameters<typeof actionLanes>[1], order?: (a: string, b: string) => number) =>
    actionLanes(actions, by, { today }, order).map((lane) => [lane.key, lane.actions.map((a) => a.id)]);

  it('puts an action linked to several incidents in each of their lanes', () => {
    assert.deepEqual(lanes('incident'), [
      ['inc2', ['p1']],
      ['inc1', ['p1', 'd1', 'm1']],
    ]);
    assert.deepEqual(lanes('incident', (a, b) => a.localeCompare(b)), [
      ['inc1', ['p1', 'd1', 'm1']],
      ['inc2', ['p1']],
    ]);
  });

  it('groups by owner with nobody last, by kind in kind order, and by overdue', () => {
    assert.deepEqual(lanes('owner', (a, b) => a.localeCompare(b)), [
      ['per_a', ['d1']],
      ['per_b', ['p1']],
      ['', ['m1']],
    ]);
    assert.deepEqual(lanes('kind'), [
      ['mitigate', ['m1']],
      ['prevent', ['p1']],
      ['detect', ['d1']],
      ['process', []],
      ['remove', []],
    ]);
    assert.deepEqual(lanes('overdue'), [
      ['overdue', ['p1']],
      ['on_time', ['d1', 'm1']],
    ]);
  });
});
