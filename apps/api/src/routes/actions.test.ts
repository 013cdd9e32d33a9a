import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Incident } from '@hansei/core';
import { databasesUnderTest } from '../testing/postgres.js';
import { TEST_NOW, startTestApi, type TestApi } from '../testing/harness.js';
import { insertIncident } from '../testing/fixtures.js';

interface Card {
  id: string;
  status: string;
  rank: string;
  title: string;
}

for (const { name, open } of databasesUnderTest()) {
  describe(`prevention actions (${name})`, () => {
    let api: TestApi;
    let incident: Incident;
    before(async () => {
      api = await startTestApi(open);
      incident = await insertIncident(api.db, { title: 'Checkout errors' });
    });
    after(() => api?.close());

    const create = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      api.request('POST', '/v1/actions', { as: 'responder', body: { kind: 'prevent', incidentIds: [incident.id], ...body }, headers });
    const card = async (title: string, body: Record<string, unknown> = {}) => (await create({ title, ...body })).body as Card;
    const etagOf = async (id: string) => (await api.request('GET', `/v1/actions/${id}`, { as: 'viewer' })).headers.get('etag') as string;
    const move = async (id: string, body: Record<string, unknown>) => api.request('POST', `/v1/actions/${id}/move`, { as: 'responder', body, headers: { 'if-match': await etagOf(id) } });
    const linked = async (id: string) => (await api.db.query<{ incident_id: string }>('select incident_id from action_incidents where action_id = $1 order by incident_id', [id])).map((r) => r.incident_id);
    /** The column's cards as the API lists them, checking that ranks ascend. */
    const column = async (status: string, label?: string): Promise<string[]> => {
      const page = await api.request('GET', `/v1/actions?status=${status}&limit=200`, { as: 'viewer' });
      const cards = (page.body.data as Card[]).filter((c) => !label || c.title.startsWith(label));
      for (let i = 1; i < cards.length; i++) assert.ok((cards[i - 1] as Card).rank < (cards[i] as Card).rank, `ranks ascend in ${status}`);
      return cards.map((c) => c.id);
    };

    it('creates actions at the bottom of their column, linked to their incidents', async () => {
      const second = await insertIncident(api.db, { title: 'Checkout errors again' });
      assert.equal((await api.request('POST', '/v1/actions', { body: { title: 'x', kind: 'prevent', incidentIds: [incident.id] } })).status, 401);
      assert.equal((await api.request('POST', '/v1/actions', { as: 'viewer', body: { title: 'x', kind: 'prevent', incidentIds: [incident.id] } })).status, 403);
      const first = await create({ title: 'Add a circuit breaker', incidentIds: [incident.id, second.id, incident.id], externalUrl: 'https://linear.app/acme/issue/SRE-1' });
      assert.equal(first.status, 201);
      assert.match(first.body.id, /^act_/);
      assert.equal(first.headers.get('etag'), '"1"');
      assert.equal(first.headers.get('location'), `/v1/actions/${first.body.id}`);
      assert.equal(first.body.status, 'todo');
      assert.equal(first.body.effectiveness, 'unverified');
      assert.equal(first.body.completedAt, null);
      assert.deepEqual(first.body.incidentIds, [incident.id, second.id]);
      assert.deepEqual(await linked(first.body.id), [incident.id, second.id].sort());
      const next = await card('Load-test checkout');
      assert.ok(first.body.rank < next.rank, 'ranked after the first');
      const done = await create({ title: 'Hotfix', kind: 'mitigate', status: 'done' });
      assert.equal(done.body.completedAt, new Date(TEST_NOW).toISOString());
    });

    it('gives cards created at the same moment distinct ranks', async () => {
      const cards = await Promise.all([1, 2, 3, 4, 5].map((i) => card(`Concurrent ${i}`, { status: 'in_review' })));
      assert.equal(new Set(cards.map((c) => c.rank)).size, 5);
      assert.equal((await column('in_review', 'Concurrent')).length, 5);
    });

    it('refuses bad bodies (422) and links to nothing (409)', async () => {
      const bad = await api.request('POST', '/v1/actions', { as: 'responder', body: { title: '', kind: 'fix', incidentIds: [], externalUrl: 'javascript:alert(1)' } });
      assert.equal(bad.status, 422);
      const paths = bad.body.errors.map((e: { path: string }) => e.path);
      for (const path of ['title', 'kind', 'incidentIds', 'externalUrl']) assert.ok(paths.includes(path), `${path} in ${JSON.stringify(paths)}`);
      const unknown = await create({ title: 'x', incidentIds: [incident.id, 'inc_nope'] });
      assert.equal(unknown.status, 409);
      assert.match(unknown.body.detail, /inc_nope/);
      assert.deepEqual(unknown.body.missing, ['inc_nope']);
      assert.equal((await create({ title: 'x', postmortemId: 'pm_nope' })).status, 409);
      assert.equal((await create({ title: 'x', ownerId: 'per_nope' })).status, 409);
    });

    it('never duplicates a retried create', async () => {
      const key = { 'idempotency-key': 'action-retry' };
      const first = await create({ title: 'Retried card' }, key);
      const again = await create({ title: 'Retried card' }, key);
      assert.equal(again.body.id, first.body.id);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      const list = await api.request('GET', '/v1/actions?limit=200', { as: 'viewer' });
      assert.equal(list.body.data.filter((a: Card) => a.title === 'Retried card').length, 1);
    });

    it('is internal: readable with a token only', async () => {
      const a = await card('Internal card');
      assert.equal((await api.request('GET', '/v1/actions')).status, 401);
      assert.equal((await api.request('GET', `/v1/actions/${a.id}`)).status, 401);
      const one = await api.request('GET', `/v1/actions/${a.id}`, { as: 'viewer' });
      assert.equal(one.status, 200);
      assert.equal(one.body.title, 'Internal card');
      assert.equal((await api.request('GET', `/v1/actions/${a.id}`, { as: 'viewer', headers: { 'if-none-match': '"1"' } })).status, 304);
      assert.equal((await api.request('GET', '/v1/actions/act_missing', { as: 'viewer' })).status, 404);
      const events = await api.db.query<{ audience: string }>(`select distinct audience from events where type like 'action.%'`);
      assert.deepEqual(events.map((e) => e.audience), ['internal']);
    });

    it('lists in board order (column, then rank) across pages, without duplicates, and filters', async () => {
      const other = await insertIncident(api.db, { title: 'Other' });
      const owner = (await api.request('POST', '/v1/people', { as: 'admin', body: { name: 'Owner' } })).body;
      for (const status of ['wont_do', 'in_review', 'todo', 'in_progress', 'done', 'todo']) {
        await card(`Board ${status}`, { status, kind: status === 'done' ? 'detect' : 'process', ownerId: status === 'in_review' ? owner.id : null, incidentIds: status === 'wont_do' ? [other.id] : [incident.id] });
      }
      const seen: Card[] = [];
      let cursor: string | null = null;
      do {
        const page = await api.request('GET', `/v1/actions?limit=3${cursor ? `&cursor=${cursor}` : ''}`, { as: 'viewer' });
        assert.equal(page.status, 200);
        seen.push(...page.body.data);
        cursor = page.body.nextCursor;
      } while (cursor);
      assert.equal(new Set(seen.map((c) => c.id)).size, seen.length, 'no duplicates');
      const all = await api.request('GET', '/v1/actions?limit=200', { as: 'viewer' });
      assert.deepEqual(seen.map((c) => c.id), all.body.data.map((c: Card) => c.id), 'pages add up to the whole list');
      const order = ['todo', 'in_progress', 'in_review', 'done', 'wont_do'];
      for (let i = 1; i < seen.length; i++) {
        const [a, b] = [seen[i - 1] as Card, seen[i] as Card];
        const byColumn = order.indexOf(a.status) - order.indexOf(b.status);
        assert.ok(byColumn < 0 || (byColumn === 0 && a.rank < b.rank), `${a.status}/${a.rank} before ${b.status}/${b.rank}`);
      }
      const filtered = async (query: string) => (await api.request('GET', `/v1/actions?${query}`, { as: 'viewer' })).body.data.map((c: Card) => c.title) as string[];
      assert.deepEqual(await filtered('status=wont_do'), ['Board wont_do']);
      assert.deepEqual(await filtered(`incident=${other.id}`), ['Board wont_do']);
      assert.deepEqual(await filtered(`owner=${owner.id}`), ['Board in_review']);
      assert.ok((await filtered('kind=detect')).every((t) => t === 'Board done' || t === 'Hotfix' || !t.startsWith('Board')));
      assert.ok((await filtered('kind=detect')).includes('Board done'));
      assert.deepEqual(await filtered('effectiveness=effective'), []);
      assert.equal((await api.request('GET', '/v1/actions?status=later', { as: 'viewer' })).status, 422);
      assert.equal((await api.request('GET', '/v1/actions?cursor=abc', { as: 'viewer' })).status, 400);
    });

    it('moves a card between columns and reorders it in one request, keeping ranks ordered', async () => {
      const [a, b, c] = [await card('Move A'), await card('Move B'), await card('Move C')];
      const [x, y] = [await card('Move X', { status: 'in_progress' }), await card('Move Y', { status: 'in_progress' })];
      assert.deepEqual(await column('todo', 'Move'), [a.id, b.id, c.id]);
      // C to the top of todo: right before A.
      const top = await move(c.id, { status: 'todo', beforeId: a.id });
      assert.equal(top.status, 200);
      assert.equal(top.headers.get('etag'), '"2"');
      assert.deepEqual(await column('todo', 'Move'), [c.id, a.id, b.id]);
      // A into in_progress, between X and Y.
      const across = await move(a.id, { status: 'in_progress', afterId: x.id, beforeId: y.id });
      assert.equal(across.status, 200);
      assert.equal(across.body.status, 'in_progress');
      assert.deepEqual(await column('todo', 'Move'), [c.id, b.id]);
      assert.deepEqual(await column('in_progress', 'Move'), [x.id, a.id, y.id]);
      // B right after Y; then to the end of done (no neighbours) and back to the top of todo.
      assert.equal((await move(b.id, { status: 'in_progress', afterId: y.id })).status, 200);
      assert.deepEqual(await column('in_progress', 'Move'), [x.id, a.id, y.id, b.id]);
      const done = await move(b.id, { status: 'done' });
      assert.equal(done.body.completedAt, new Date(TEST_NOW).toISOString());
      const back = await move(b.id, { status: 'todo', beforeId: c.id });
      assert.equal(back.body.completedAt, null);
      assert.deepEqual(await column('todo', 'Move'), [b.id, c.id]);
      // An explicit rank.
      const explicit = await move(x.id, { status: 'in_progress', rank: 'zzz' });
      assert.equal(explicit.status, 200);
      assert.equal(explicit.body.rank, 'zzz');
      assert.deepEqual(await column('in_progress', 'Move'), [a.id, y.id, x.id]);
    });

    it('keeps the order a client expects over many random moves', async () => {
      const statuses = ['todo', 'in_progress', 'in_review'];
      const board: Record<string, string[]> = { todo: [], in_progress: [], in_review: [] };
      for (let i = 0; i < 9; i++) {
        const status = statuses[i % 3] as string;
        board[status]?.push((await card(`Fuzz ${i}`, { status })).id);
      }
      let seed = 7;
      const random = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed % n;
      };
      for (let step = 0; step < 30; step++) {
        const from = statuses[random(3)] as string;
        const source = board[from] as string[];
        if (source.length === 0) continue;
        const id = source.splice(random(source.length), 1)[0] as string;
        const to = statuses[random(3)] as string;
        const target = board[to] as string[];
        const at = random(target.length + 1);
        const body: Record<string, unknown> = { status: to };
        if (at > 0) body['afterId'] = target[at - 1];
        if (at < target.length && (at === 0 || random(2) === 0)) body['beforeId'] = target[at];
        target.splice(at, 0, id);
        const moved = await move(id, body);
        assert.equal(moved.status, 200, JSON.stringify({ step, body, problem: moved.body }));
      }
      for (const status of statuses) assert.deepEqual(await column(status, 'Fuzz'), board[status], status);
    });

    it('refuses moves that do not fit the board', async () => {
      const [a, b, c] = [await card('Edge A'), await card('Edge B'), await card('Edge C')];
      const elsewhere = await card('Edge elsewhere', { status: 'in_review' });
      const path = `/v1/actions/${a.id}/move`;
      assert.equal((await api.request('POST', path, { as: 'viewer', body: { status: 'todo' }, headers: { 'if-match': '"1"' } })).status, 403);
      assert.equal((await api.request('POST', path, { as: 'responder', body: { status: 'todo' } })).status, 428);
      assert.equal((await api.request('POST', path, { as: 'responder', body: { status: 'todo' }, headers: { 'if-match': '"5"' } })).status, 412);
      assert.equal((await api.request('POST', '/v1/actions/act_missing/move', { as: 'responder', body: { status: 'todo' }, headers: { 'if-match': '"1"' } })).status, 404);
      const wrongColumn = await move(a.id, { status: 'todo', afterId: elsewhere.id });
      assert.equal(wrongColumn.status, 409);
      assert.match(wrongColumn.body.detail, /in the in_review column, not todo/);
      assert.equal((await move(a.id, { status: 'todo', afterId: 'act_missing' })).status, 409);
      assert.equal((await move(a.id, { status: 'todo', beforeId: a.id })).status, 409);
      const apart = await move(elsewhere.id, { status: 'todo', afterId: a.id, beforeId: c.id });
      assert.equal(apart.status, 409, 'B lies between A and C');
      assert.match(apart.body.detail, /not next to each other/);
      const notAdjacent = await move(b.id, { status: 'in_review', afterId: elsewhere.id, beforeId: elsewhere.id });
      assert.equal(notAdjacent.status, 422, 'the schema refuses the same card on both sides');
      const reversed = await move(c.id, { status: 'todo', afterId: b.id, beforeId: a.id });
      assert.equal(reversed.status, 409);
      assert.match(reversed.body.detail, /not next to each other/);
      const both = await move(a.id, { status: 'todo', rank: 'a', afterId: b.id });
      assert.equal(both.status, 422);
      assert.deepEqual(both.body.errors.map((e: { path: string }) => e.path), ['rank']);
      const zero = await move(a.id, { status: 'todo', rank: 'a0' });
      assert.equal(zero.status, 422);
      assert.equal(zero.body.errors[0].path, 'rank');
      const taken = await move(a.id, { status: 'todo', rank: b.rank });
      assert.equal(taken.status, 409);
      assert.match(taken.body.detail, /already taken/);
      assert.deepEqual(await column('todo', 'Edge'), [a.id, b.id, c.id], 'nothing moved');
    });

    it('changes an action with If-Match: done sets completedAt, leaving done clears it', async () => {
      const other = await insertIncident(api.db, { title: 'Related' });
      const a = await card('Patch me');
      const path = `/v1/actions/${a.id}`;
      const patch = (version: number, body: unknown, as: 'viewer' | 'responder' = 'responder') => api.request('PATCH', path, { as, body, headers: { 'if-match': `"${version}"` } });
      assert.equal((await patch(1, { title: 'x' }, 'viewer')).status, 403);
      assert.equal((await api.request('PATCH', path, { as: 'responder', body: { title: 'x' } })).status, 428);
      const judged = await patch(1, { effectiveness: 'effective' });
      assert.equal(judged.status, 422);
      assert.equal(judged.body.errors[0].path, 'effectiveness');
      assert.equal((await patch(1, { incidentIds: [other.id, 'inc_nope'] })).status, 409);
      assert.equal((await patch(1, {})).status, 422);

      api.setNow(TEST_NOW + 3600_000);
      const done = await patch(1, { status: 'done', effectiveness: 'effective', incidentIds: [other.id], dueDate: '2026-12-31' });
      assert.equal(done.status, 200);
      assert.equal(done.headers.get('etag'), '"2"');
      assert.equal(done.body.completedAt, new Date(TEST_NOW + 3600_000).toISOString());
      assert.equal(done.body.effectiveness, 'effective');
      assert.deepEqual(await linked(a.id), [other.id], 'action_incidents in step');
      const doneColumn = await column('done');
      assert.equal(doneColumn[doneColumn.length - 1], a.id, 'a new column puts it at the bottom');
      const [row] = await api.db.query<{ due_date: string; status: string }>('select due_date, status from prevention_actions where id = $1', [a.id]);
      assert.deepEqual(row, { due_date: '2026-12-31', status: 'done' });

      api.setNow(TEST_NOW + 7200_000);
      const retitled = await patch(2, { title: 'Patched' });
      assert.equal(retitled.body.completedAt, done.body.completedAt, 'staying done keeps completedAt');
      const stale = await patch(2, { title: 'Lost' });
      assert.equal(stale.status, 412);
      assert.equal(stale.body.current.title, 'Patched');
      const reopened = await patch(3, { status: 'in_progress' });
      assert.equal(reopened.body.completedAt, null);
      assert.equal(reopened.body.effectiveness, 'unverified');
      api.setNow(TEST_NOW);
      assert.equal((await api.request('PATCH', '/v1/actions/act_missing', { as: 'responder', body: { title: 'x' }, headers: { 'if-match': '"1"' } })).status, 404);
    });

    it('deletes for admins with If-Match', async () => {
      const a = await card('Delete me');
      const path = `/v1/actions/${a.id}`;
      assert.equal((await api.request('DELETE', path, { as: 'responder', headers: { 'if-match': '"1"' } })).status, 403);
      assert.equal((await api.request('DELETE', path, { as: 'admin' })).status, 428);
      assert.equal((await api.request('DELETE', path, { as: 'admin', headers: { 'if-match': '"2"' } })).status, 412);
      assert.equal((await api.request('DELETE', path, { as: 'admin', headers: { 'if-match': '"1"' } })).status, 204);
      assert.equal((await api.request('GET', path, { as: 'viewer' })).status, 404);
      assert.deepEqual(await linked(a.id), []);
      assert.equal((await api.request('DELETE', path, { as: 'admin', headers: { 'if-match': '"1"' } })).status, 404);
    });
  });
}
