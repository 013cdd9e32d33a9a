// The RestAdapter's live connection and the page it lives in, against the real API (PGlite): a
// page that goes away (unloaded or kept in the back/forward cache, frozen, hidden for a while)
// lets go of its stream, so it holds none of the browser's six connections per host, and takes
// it up again when it is back, missing no change made meanwhile and delivering none twice.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { databasesUnderTest, startTestApi, type TestApi } from '@hansei/api/testing';
import { RestAdapter, type Change, type LiveState, type PageLifecycle } from '@hansei/adapters';

/** A page to drive by hand: dispatch lifecycle events on `target`, set `hidden`. */
function fakePage(): PageLifecycle & { hidden: () => boolean; hide(value: boolean): void } {
  let hidden = false;
  const target = new EventTarget();
  return {
    target,
    hidden: () => hidden,
    hide(value) {
      hidden = value;
      target.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.fail(`timed out waiting for ${what}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const names = (changes: readonly Change[]) => changes.map((c) => (c.type === 'component.created' ? c.data.component.name : c.type));

describe('RestAdapter live changes and the page lifecycle (PGlite)', () => {
  let api: TestApi;
  const pglite = databasesUnderTest().find((d) => d.name === 'pglite')!;
  before(async () => {
    api = await startTestApi(pglite.open, { public: { rateLimit: false, stream: { limits: { perToken: 1 } } } });
  });
  after(() => api?.close());

  const open = () => api.surface!.streams.size;
  const component = async (name: string) => assert.equal((await api.request('POST', '/v1/components', { as: 'admin', body: { name } })).status, 201);
  const follow = (page: PageLifecycle | null, hiddenMs?: number) => {
    const rest = new RestAdapter({ baseUrl: api.url, token: () => api.tokens.viewer, live: { page, ...(hiddenMs === undefined ? {} : { hiddenMs }) } });
    const changes: Change[] = [];
    const states: LiveState[] = [];
    const stop = rest.subscribe((change) => changes.push(change), { onState: (s) => states.push(s) });
    return { changes, states, stop, state: () => states.at(-1)?.state };
  };

  it('lets go of the stream at pagehide and takes it up at pageshow, with what changed meanwhile, once', async () => {
    const page = fakePage();
    const live = follow(page);
    await until(() => live.state() === 'open' && open() === 1, 'the stream open');
    await component('before');
    await until(() => live.changes.length === 1, 'the first change');
    page.target.dispatchEvent(new Event('pagehide'));
    await until(() => live.state() === 'closed' && open() === 0, 'the server to see the stream go');
    await component('while away');
    await sleep(100);
    assert.deepEqual(names(live.changes), ['before'], 'nothing is heard while away');
    page.target.dispatchEvent(new Event('pageshow'));
    await until(() => live.changes.length === 2 && open() === 1, 'the missed change after coming back');
    await component('after');
    await until(() => live.changes.length === 3, 'a live change again');
    assert.deepEqual(names(live.changes), ['before', 'while away', 'after']);
    assert.deepEqual(
      live.states.map((s) => s.state),
      ['connecting', 'open', 'closed', 'connecting', 'open'],
    );
    live.stop();
    await until(() => open() === 0, 'the stream closed with the last subscriber');
  });

  it('lets go of it in a tab hidden past hiddenMs or frozen, not in one hidden briefly; a change made before any event is not missed', async () => {
    const page = fakePage();
    const live = follow(page, 150);
    await until(() => live.state() === 'open', 'the stream open');
    page.hide(true);
    await sleep(50);
    page.hide(false);
    await sleep(200);
    assert.equal(live.state(), 'open', 'a tab hidden briefly keeps its stream');
    assert.equal(open(), 1);
    page.hide(true);
    await until(() => live.state() === 'closed' && open() === 0, 'the hidden tab to let go');
    // No event came on this stream before it went: the opening's id is where it resumes.
    await component('hidden');
    page.hide(false);
    await until(() => live.changes.length === 1, 'the change made while hidden');
    page.target.dispatchEvent(new Event('freeze'));
    await until(() => live.state() === 'closed' && open() === 0, 'the frozen tab to let go');
    await component('frozen');
    page.target.dispatchEvent(new Event('resume'));
    await until(() => live.changes.length === 2, 'the change made while frozen');
    assert.deepEqual(names(live.changes), ['hidden', 'frozen']);
    live.stop();
    await until(() => open() === 0, 'the stream closed');
  });

  it('a page that opens hidden lets go after hiddenMs; null ignores the page', async () => {
    const page = fakePage();
    page.hide(true);
    const hidden = follow(page, 50);
    await until(() => hidden.states.some((s) => s.state === 'open') && hidden.state() === 'closed' && open() === 0, 'the hidden page to let go');
    hidden.stop();
    const kept = follow(null, 50);
    await until(() => kept.state() === 'open', 'the stream open');
    page.target.dispatchEvent(new Event('pagehide'));
    await sleep(100);
    assert.equal(kept.state(), 'open');
    kept.stop();
    await until(() => open() === 0, 'the stream closed');
  });

  it('waits at least as long as the server asks when it refuses a stream (429, Retry-After)', async () => {
    const first = follow(null);
    await until(() => first.state() === 'open', 'the first stream open');
    const second = follow(null);
    await until(() => second.state() === 'retrying', 'the second refused');
    const refused = second.states.at(-1) as Extract<LiveState, { state: 'retrying' }>;
    assert.ok(refused.retryInMs >= 30_000, `retries in ${refused.retryInMs} ms`);
    assert.equal((refused.error as { kind?: string }).kind, 'rate_limited');
    second.stop();
    first.stop();
    await until(() => open() === 0, 'the streams closed');
  });
});
