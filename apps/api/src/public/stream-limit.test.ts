import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { databasesUnderTest } from '../testing/postgres.js';
import { startTestApi, type TestApi } from '../testing/harness.js';
import { OpenStreams } from './stream-limit.js';

describe('OpenStreams', () => {
  it('counts streams per client and refuses one past the ceiling, tokens and addresses apart', () => {
    const open = new OpenStreams({ perToken: 2, perAddress: 1 });
    const a1 = open.open({ token: 'tok_a' });
    const a2 = open.open({ token: 'tok_a' });
    assert.ok(a1 && a2);
    assert.equal(open.open({ token: 'tok_a' }), null);
    assert.ok(open.open({ token: 'tok_b' }), 'another token has its own count');
    assert.ok(open.open({ address: '192.0.2.1' }));
    assert.equal(open.open({ address: '192.0.2.1' }), null);
    assert.ok(open.open({ address: 'tok_a' }), 'an address is never taken for a token');
    assert.equal(open.size, 5);
    a1();
    a1();
    assert.equal(open.countOf({ token: 'tok_a' }), 1, 'ending twice counts once');
    assert.ok(open.open({ token: 'tok_a' }), 'a place freed is taken again');
    assert.equal(open.size, 5);
  });
});

/** Opens `/v1/stream` and waits for its opening block; `close` ends it. */
async function openStream(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; close: () => void }> {
  const abort = new AbortController();
  const response = await fetch(`${url}/v1/stream`, { headers, signal: abort.signal });
  if (!response.ok || !response.body) return { status: response.status, body: await response.text(), close: () => undefined };
  const reader = response.body.getReader();
  let text = '';
  while (!text.includes('hansei events')) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  return { status: response.status, body: text, close: () => abort.abort() };
}

async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const pglite = databasesUnderTest().find((d) => d.name === 'pglite');

describe('event streams per client (pglite)', { skip: !pglite && 'no PGlite' }, () => {
  let api: TestApi;
  const closers: (() => void)[] = [];
  before(async () => {
    api = await startTestApi(pglite!.open, { public: { rateLimit: false, stream: { limits: { perToken: 2, perAddress: 2 } } } });
  });
  after(async () => {
    for (const close of closers) close();
    await api?.close();
  });

  const health = async (as?: string) => (await fetch(`${api.url}/v1/health`, { headers: as ? { authorization: `Bearer ${as}` } : {} })).json() as Promise<Record<string, unknown>>;

  it('refuses a token past its ceiling with 429 and Retry-After, and takes it again once one closes', async () => {
    const auth = { authorization: `Bearer ${api.tokens.viewer}` };
    const first = await openStream(api.url, auth);
    const second = await openStream(api.url, auth);
    closers.push(first.close, second.close);
    assert.deepEqual([first.status, second.status], [200, 200]);
    const refused = await fetch(`${api.url}/v1/stream`, { headers: auth });
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('retry-after'), '30');
    assert.equal(refused.headers.get('content-type'), 'application/problem+json');
    const problem = (await refused.json()) as { type: string; limit: number; detail: string };
    assert.equal(problem.type, '/v1/problems/too-many-streams');
    assert.equal(problem.limit, 2);
    // Another token, and anonymous readers, are not held back by it.
    const other = await openStream(api.url, { authorization: `Bearer ${api.tokens.responder}` });
    const anonymous = await openStream(api.url);
    closers.push(other.close, anonymous.close);
    assert.deepEqual([other.status, anonymous.status], [200, 200]);
    first.close();
    await eventually(async () => (await openStream(api.url, auth).then((s) => (closers.push(s.close), s.status))) === 200, 'a place for the token again');
  });

  it('tells an admin, and only an admin, how many streams are open', async () => {
    for (const close of closers.splice(0)) close();
    await eventually(async () => (await health(api.tokens.admin))['streams'] === 0, 'every stream closed');
    const one = await openStream(api.url);
    assert.equal((await health(api.tokens.admin))['streams'], 1);
    assert.equal('streams' in (await health()), false);
    assert.equal('streams' in (await health(api.tokens.viewer)), false);
    assert.equal('streams' in (await health('hsk_unknown')), false);
    one.close();
    await eventually(async () => (await health(api.tokens.admin))['streams'] === 0, 'the stream closed');
  });
});
